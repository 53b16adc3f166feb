"""The lock files: what they are compiled from, what they pin, and what a venv holds beyond.

`scripts/lock` writes `# inputs: <digest>` at the top of each lock file; the test suite
recomputes the digest from pyproject.toml and fails when they differ (dependencies
changed without `scripts/lock`). Only the dependency declarations count, so editing the
project's description does not ask for a new lock.

`scripts/setup.sh` runs `python lockfile.py extras LOCK` with the venv's Python to list
what the venv holds that the lock does not (left from an older lock), and removes it,
so the environment is exactly the lock.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Installed but never locked: the installer itself and this project (installed editable).
NOT_LOCKED = frozenset({"pip", "briefing-desk"})
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def normalise(name: str) -> str:
    """A distribution name as PEP 503 compares them."""
    return re.sub(r"[-_.]+", "-", name).lower()


def lock_inputs(pyproject: Path = ROOT / "pyproject.toml") -> dict[str, object]:
    """The parts of pyproject.toml that decide what the lock holds."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    project = data["project"]
    return {
        "requires-python": project.get("requires-python", ""),
        "dependencies": sorted(project.get("dependencies", [])),
        "optional-dependencies": {k: sorted(v) for k, v in
                                  sorted(project.get("optional-dependencies", {}).items())},
        "build-system": sorted(data.get("build-system", {}).get("requires", [])),
    }


def digest(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """A short, stable digest of `lock_inputs`."""
    text = json.dumps(lock_inputs(pyproject), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def pins(lock: Path) -> dict[str, str]:
    """Every `name==version` line of a lock file, by normalised name."""
    found = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        if match := PIN.match(line):
            found[normalise(match[1])] = match[2]
    return found


def recorded_digest(lock: Path) -> str:
    """The `# inputs:` digest a lock file was compiled from ('' when it has none)."""
    first = lock.read_text(encoding="utf-8").split("\n", 1)[0]
    return first.removeprefix("# inputs: ").strip() if first.startswith("# inputs: ") else ""


def installed() -> dict[str, str]:
    """Every distribution the running interpreter sees, by normalised name."""
    return {normalise(d.metadata["Name"]): d.version for d in metadata.distributions()}


def extras(lock: Path) -> list[str]:
    """Installed distributions the lock does not name (the installer and we excepted)."""
    locked = pins(lock)
    return sorted(name for name in installed() if name not in locked and name not in NOT_LOCKED)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "digest"
    if command == "digest":
        print(digest())
    elif command == "extras":
        for name in extras(Path(sys.argv[2])):
            print(name)
    else:
        sys.exit(f"usage: {sys.argv[0]} digest | extras LOCK")
