#!/usr/bin/env bash
# Sets up a fresh Debian machine for Briefing Desk: the Debian libraries Qt needs
# (and, for tests, Xvfb, LibreOffice Impress and poppler), then a virtual
# environment in .venv with exactly the Python packages the lock pins
# (requirements/app.lock or requirements/test.lock, hashes checked). Safe to run again: it
# installs only what is missing.
#
# Usage: scripts/setup.sh [app|test]
set -euo pipefail
profile="${1:-app}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

qt_libs=(libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0
         fonts-dejavu-core)
window_libs=(libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
             libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0
             libxcb-xkb1 libxcb-sync1 libxcb-shm0 libxcb-glx0)
test_tools=(xvfb xauth poppler-utils xdotool)
test_office=(libreoffice-impress)

packages=("${qt_libs[@]}" "${window_libs[@]}")
[ "$profile" = test ] && packages+=("${test_tools[@]}" "${test_office[@]}")
python3 -c 'import ensurepip, venv' 2>/dev/null || packages+=(python3-venv)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
    for pkg in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
fi

if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then apt_get=(apt-get)
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then apt_get=(sudo apt-get)
    else
        echo "setup: these Debian packages are missing and installing them needs root:" >&2
        echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
        echo "setup: run that once (or ask an administrator), then run this command again." >&2
        exit 1
    fi
    echo "setup: installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${apt_get[@]}" update -qq
    "${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "setup: Briefing Desk needs Python 3.11 or newer; $python is $("$python" -V 2>&1)." >&2
    echo "setup: set PYTHON=/path/to/python3.11 and run this command again." >&2
    exit 1
fi
if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv"
    "$python" -m venv .venv
fi
# Python packages come from the lock only: exact versions, every file's hash checked,
# nothing resolved here (scripts/lock refreshes the lock from pyproject.toml).
lock="requirements/$profile.lock"
stamp=".venv/.briefdesk-installed"
stamp_for() { echo "$1 $(sha256sum "requirements/$1.lock" | cut -c1-16) $(sha256sum pyproject.toml | cut -c1-16)"; }
want="$(stamp_for "$profile")"
have="$(cat "$stamp" 2>/dev/null || true)"
# The test lock pins the app's packages at the same versions, so a test install
# serves the app too (the suite checks that the two locks agree).
if [ "$have" != "$want" ] && [ "$have" != "$(stamp_for test)" ]; then
    echo "setup: installing Python packages into .venv from $lock"
    rm -f "$stamp"
    .venv/bin/python -m pip install -q --require-hashes --no-deps -r "$lock"
    # Whatever an older lock left behind goes, so .venv holds exactly this lock.
    mapfile -t stale < <(.venv/bin/python scripts/lockfile.py extras "$lock")
    if [ "${#stale[@]}" -gt 0 ]; then
        .venv/bin/python -m pip uninstall -q -y "${stale[@]}"
    fi
    # Our own package, editable, with the locked setuptools: no build isolation, so
    # pip fetches no unlocked build tools.
    .venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
    echo "$want" > "$stamp"
fi
# Byte-compile our own modules as pip does for installed packages: an editable
# install otherwise compiles them on every start where Python does not write
# bytecode itself (PYTHONDONTWRITEBYTECODE), ~40 ms of the app's start. Not fatal:
# a read-only checkout only starts that much slower.
.venv/bin/python -m compileall -q content desktop slides >/dev/null \
    || echo "setup: could not byte-compile the sources; the app will start a little slower" >&2
