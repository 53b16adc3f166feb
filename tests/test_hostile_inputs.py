"""A red-team corpus across the layers: content, recipes, templates and output paths.

Each case sets up one hostile input in a temp folder and runs `briefdesk` on it in a
child process. Each must end in its clear one-line message (exit 1) or in the right
output (exit 0), within 300 MB, never a traceback, a hang, or a write outside the
chosen file. Their time is a budget in benchmarks/hostile.py, not a test. The cases
are the findings of the red team (issue 11) and their neighbours; content files have
their own corpus in tests/corpus/content/.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.childproc import run_cli

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "content" / "packs" / "azerbaijan-nato"
TEMPLATE = ROOT / "resources" / "templates" / "default.pptx"
MAX_MB = 300


@dataclass
class Case:
    """One hostile input: what to set up, the command, and what must come of it."""

    setup: Callable[[Path], list[str]]  # builds the input in a folder, returns CLI args
    code: int
    expect: str = ""  # in stderr (exit 1) or stdout (exit 0)
    after: Callable[[Path], None] = field(default=lambda folder: None)


# -- helpers ------------------------------------------------------------------------
def pack(folder: Path, edit: Callable[[Path], None] | None = None) -> Path:
    copy = folder / "pack"
    shutil.copytree(PACK, copy)
    if edit:
        edit(copy)
    return copy


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def content_edit(file: str, old: str, new: str) -> Callable[[Path], list[str]]:
    def setup(folder: Path) -> list[str]:
        copy = pack(folder, lambda p: replace_in(p / file, old, new))
        return ["validate", "--content", str(copy)]
    return setup


def export(folder: Path, *extra: str, out: str = "deck.pptx") -> list[str]:
    return ["export", "--out", str(folder / out), "--sections", "history", *extra]


def recipe(text: str | bytes) -> Callable[[Path], list[str]]:
    def setup(folder: Path) -> list[str]:
        path = folder / "r.yaml"
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        return ["export", "--out", str(folder / "deck.pptx"), "--recipe", str(path)]
    return setup


def special_path(kind: str) -> Callable[[Path], Path]:
    """A FIFO, a folder, /dev/zero or a 200 MB sparse file, as a path to read."""
    def make(folder: Path) -> Path:
        path = folder / f"special-{kind}"
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "folder":
            path.mkdir()
        elif kind == "device":
            return Path("/dev/zero")
        elif kind == "huge":
            with path.open("wb") as fh:
                fh.truncate(200 * 1024 * 1024)
        return path
    return make


def read_from(option: str, kind: str) -> Callable[[Path], list[str]]:
    def setup(folder: Path) -> list[str]:
        return export(folder, option, str(special_path(kind)(folder)))
    return setup


def template(edits: dict[str, Callable[[bytes], bytes] | bytes | None]
             ) -> Callable[[Path], list[str]]:
    """Our template with some parts rewritten (a callable), replaced (bytes), or added."""
    def setup(folder: Path) -> list[str]:
        path = folder / "t.pptx"
        with zipfile.ZipFile(TEMPLATE) as src, zipfile.ZipFile(path, "w") as dst:
            names = src.namelist()
            for name in names:
                body = src.read(name)
                edit = edits.get(name)
                if callable(edit):
                    body = edit(body)
                elif isinstance(edit, bytes):
                    body = edit
                dst.writestr(name, body)
            for name, body in edits.items():
                if name not in names and isinstance(body, bytes):
                    dst.writestr(name, body)
        return export(folder, "--template", str(path))
    return setup


def sub(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    def edit(body: bytes) -> bytes:
        assert old in body, old
        return body.replace(old, new, 1)
    return edit


def deck_parts(folder: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(folder / "deck.pptx") as deck:
        return {n: deck.read(n) for n in deck.namelist()}


def deck_lacks(*needles: bytes) -> Callable[[Path], None]:
    """The written deck holds none of `needles` and is valid Office Open XML."""
    def check(folder: Path) -> None:
        audit = subprocess.run([sys.executable, "-m", "openxml_audit", "-f", "office2016",
                                str(folder / "deck.pptx")], capture_output=True, text=True,
                               timeout=120)
        assert "Errors: 0" in audit.stdout + audit.stderr, audit.stdout[-2000:]
        parts = deck_parts(folder)
        for needle in needles:
            found = [n for n, body in parts.items() if needle in body or needle in n.encode()]
            assert not found, (needle, found)
    return check


def out_to(kind: str, command: str = "pptx") -> Callable[[Path], list[str]]:
    """An export (or snapshot) whose --out is a hostile target."""
    def setup(folder: Path) -> list[str]:
        target = folder / "target"
        if kind == "fifo":
            os.mkfifo(target)
        elif kind == "folder":
            target.mkdir()
        elif kind == "device":
            target = Path("/dev/null")
        elif kind == "read-only":
            target.write_bytes(b"old")
            target.chmod(0o444)
        elif kind == "pack":
            target = pack(folder) / "events.yaml"
            return ["--content", str(target.parent), "export", "--out", str(target)]
        elif kind == "symlink":
            (folder / "real.pptx").write_bytes(b"old")
            target.symlink_to(folder / "real.pptx")
        elif kind == "no-folder":
            target = folder / "missing" / "deck.pptx"
        if command == "snapshot":
            return ["snapshot", "map", "--out", str(target), "--size", "400x300"]
        if command == "pdf":
            return ["export", "--format", "pdf", "--sections", "history", "--out",
                    str(target)]
        return ["export", "--format", "pptx", "--sections", "history", "--out", str(target)]
    return setup


def unchanged(kind: str) -> Callable[[Path], None]:
    def check(folder: Path) -> None:
        target = folder / "target"
        if kind == "fifo":
            assert stat.S_ISFIFO(target.lstat().st_mode)
        elif kind == "device":
            assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
        elif kind == "read-only":
            assert target.read_bytes() == b"old"
        elif kind == "pack":
            assert (folder / "pack" / "events.yaml").read_bytes() == \
                (PACK / "events.yaml").read_bytes()
        assert not list(folder.rglob(".briefdesk-tmp-*"))
    return check


PPTM_TYPES = (b'<Override PartName="/ppt/presentation.xml" ContentType="application/'
              b'vnd.ms-powerpoint.presentation.macroEnabled.main+xml"/>'
              b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>')
REL = ('<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
       'relationships/{kind}" Target="{target}"{mode}/>')
LINK_SHAPE = (b'<p:sp><p:nvSpPr><p:cNvPr id="99" name="Linked"><a:hlinkClick r:id="rIdX1"/>'
              b'</p:cNvPr><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/></p:sp>')
PIC_SHAPE = (b'<p:pic><p:nvPicPr><p:cNvPr id="98" name="Remote"/><p:cNvPicPr/><p:nvPr/>'
             b'</p:nvPicPr><p:blipFill><a:blip r:link="rIdX2"/><a:stretch><a:fillRect/>'
             b'</a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="10" '
             b'cy="10"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>'
             b'</p:pic>')


def master_with_links(body: bytes) -> bytes:
    return body.replace(b"</p:spTree>", LINK_SHAPE + PIC_SHAPE + b"</p:spTree>", 1)


def rels_with_links(body: bytes) -> bytes:
    links = (REL.format(id="rIdX1", kind="hyperlink", target="http://127.0.0.1:9/track",
                        mode=' TargetMode="External"')
             + REL.format(id="rIdX2", kind="image", target="file:///etc/passwd",
                          mode=' TargetMode="External"'))
    return body.replace(b"</Relationships>", links.encode() + b"</Relationships>", 1)


def root_rels_with_macros(body: bytes) -> bytes:
    return body


def presentation_rels_with_macros(body: bytes) -> bytes:
    vba = REL.format(id="rIdVba", kind="vbaProject", target="vbaProject.bin", mode="")
    vba = vba.replace("officeDocument/2006/relationships/vbaProject",
                      "office/2006/relationships/vbaProject")
    return body.replace(b"</Relationships>", vba.encode() + b"</Relationships>", 1)


CORE = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties '
        b'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        b'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        b' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>A Stranger'
        b'</dc:creator><cp:lastModifiedBy>A Stranger</cp:lastModifiedBy><dc:description>'
        b'secret comment</dc:description><dcterms:created xsi:type="dcterms:W3CDTF">'
        b'2013-01-01T00:00:00Z</dcterms:created></cp:coreProperties>')
SIZE = b'<p:sldSz cx="12192000" cy="6858000" type="screen4x3"/>'

CASES: dict[str, Case] = {
    # -- content: every text field plain, every number and date handled -------------
    "marking-img-dev-zero": Case(lambda f: ["--content", str(pack(f, lambda p: replace_in(
        p / "pack.yaml", "marking: UNCLASSIFIED",
        'marking: \'UNCLASSIFIED <img src="/dev/zero">\''))), "snapshot", "window", "--out",
        str(f / "w.png"), "--size", "800x500"], 0, "",
        lambda f: assert_true((f / "w.png").stat().st_size > 10_000)),
    "title-20000-char-word": Case(lambda f: ["--content", str(pack(f, lambda p: replace_in(
        p / "sections.yaml", "title: History and framework", "title: " + "W" * 20_000))),
        *export(f)], 0, "wrote"),
    "latitude-5000-digits": Case(content_edit("places.yaml", "lat: 40.4093", "lat: "
                                              + "9" * 5000), 1, "must be a number"),
    "hex-20000-digits": Case(content_edit("places.yaml", "lat: 40.4093", "lat: 0x"
                                          + "f" * 20_000), 1, "must be a number"),
    "bel-in-title": Case(content_edit("events.yaml", "title: Partnership for Peace",
                                      'title: "Partnership\\a for Peace"'), 1, "U+0007"),
    "esc-in-summary": Case(content_edit("sections.yaml",
                                       "summary: More than 30 years",
                                       'summary: "\\e[31mMore"\n'
                                       "    x-ignored: More than 30 years"), 1, "U+001B"),
    "nul-in-key-point": Case(content_edit("sections.yaml", "- text: Relations date from 1992;",
                                          '- text: "Relations\\0 date from 1992;"\n'
                                          "        x: "), 1, "U+0000"),
    "csi-c1-control": Case(content_edit("actors.yaml", "name: Ilham Aliyev",
                                        'name: "Ilham \\x9b Aliyev"'), 1, "U+009B"),
    "non-character-fffe": Case(content_edit("places.yaml", "name: Baku",
                                            'name: "Baku\\uFFFE"'), 1, "U+FFFE"),
    "date-30-february": Case(content_edit("events.yaml", "date: 1992", "date: 2024-02-30"),
                             1, "has 29 days"),
    "date-year-zero": Case(content_edit("events.yaml", "date: 1992", 'date: "0000"'),
                           1, "out of range"),
    "date-five-digit-year": Case(content_edit("events.yaml", "date: 1992",
                                              'date: "10000-01-01"'), 1, "is not YYYY"),
    "dates-at-calendar-edges": Case(lambda f: ["--content", str(pack(f, lambda p: (
        replace_in(p / "events.yaml", "date: 1992", 'date: "0001-01-01"'),
        replace_in(p / "events.yaml", "end: 2021-08", 'end: "9999-12-31"')))),
        *export(f)], 0, "wrote"),
    "leap-day-event": Case(lambda f: ["--content", str(pack(f, lambda p: replace_in(
        p / "events.yaml", "date: 1992", "date: 2024-02-29"))), *export(f)], 0, "wrote"),
    # -- recipes: size-checked before reading, devices refused, round-trip safe -------
    "recipe-dev-zero": Case(read_from("--recipe", "device"), 1, "is a device"),
    "recipe-fifo": Case(read_from("--recipe", "fifo"), 1, "named pipe"),
    "recipe-folder": Case(read_from("--recipe", "folder"), 1, "is a folder"),
    "recipe-200mb": Case(read_from("--recipe", "huge"), 1, "the limit is"),
    "recipe-missing": Case(lambda f: export(f, "--recipe", str(f / "none.yaml")), 1,
                           "not found"),
    "recipe-not-a-mapping": Case(recipe("- a\n- b\n"), 1, "must be a mapping"),
    "recipe-nesting-bomb": Case(recipe("title: " + "[" * 50_000), 1, "r.yaml:1:"),
    "recipe-alias-bomb": Case(recipe("a: &a [x, x]\nb: &b [*a, *a]\ntitle: *b\n"), 1,
                              "anchors"),
    "recipe-100000-unknown-sections": Case(recipe(
        "title: T\nsections: [" + ", ".join(f"s{i}" for i in range(100_000)) + "]\n"),
        1, "and 99,988 more"),
    "recipe-bel-in-title": Case(recipe('title: "Brief\\a"\nsections: [history]\n'), 1,
                                "U+0007"),
    "recipe-number-like-title": Case(recipe('title: "008"\nsections: [history]\n'), 0,
                                     "wrote"),
    # -- templates: refused cleanly, or carrying nothing dangerous into the deck ------
    "template-dev-zero": Case(read_from("--template", "device"), 1, "is a device"),
    "template-fifo": Case(read_from("--template", "fifo"), 1, "named pipe"),
    "template-200mb": Case(read_from("--template", "huge"), 1, "the limit is"),
    "template-pptm-renamed": Case(template({
        "[Content_Types].xml": sub(b"</Types>", PPTM_TYPES + b"</Types>"),
        "ppt/_rels/presentation.xml.rels": presentation_rels_with_macros,
        "ppt/vbaProject.bin": b"MACRO" * 100}), 0, "wrote",
        deck_lacks(b"vbaProject", b"macroEnabled")),
    "template-external-links": Case(template({
        "ppt/slideMasters/slideMaster1.xml": master_with_links,
        "ppt/slideMasters/_rels/slideMaster1.xml.rels": rels_with_links}), 0, "wrote",
        deck_lacks(b'TargetMode="External"', b"127.0.0.1", b"/etc/passwd")),
    "template-stranger-properties": Case(template({"docProps/core.xml": CORE}), 0, "wrote",
                                         deck_lacks(b"Stranger", b"secret comment",
                                                    b"2013-01-01")),
    "template-zero-slide-size": Case(template({"ppt/presentation.xml": sub(
        SIZE, b'<p:sldSz cx="0" cy="6858000"/>')}), 1, "slide size"),
    "template-negative-slide-size": Case(template({"ppt/presentation.xml": sub(
        SIZE, b'<p:sldSz cx="-12192000" cy="6858000"/>')}), 1, "slide size"),
    "template-no-slide-size": Case(template({"ppt/presentation.xml": sub(SIZE, b"")}), 1,
                                   "slide size"),
    "template-late-dtd": Case(template({"ppt/theme/theme1.xml": lambda b: b.replace(
        b"?>", b"?>" + b" " * 8000 + b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
        1)}), 1, "declares a DTD"),
    "template-utf16-part": Case(template({"ppt/presProps.xml": lambda b: b"\xff\xfe"
                                          + b.decode().replace("UTF-8", "UTF-16")
                                          .encode("utf-16-le")}), 1, "not UTF-8"),
    # -- output paths: only plain, writable files outside the pack ---------------------
    "out-fifo": Case(out_to("fifo"), 1, "named pipe", unchanged("fifo")),
    "out-dev-null": Case(out_to("device"), 1, "is a device", unchanged("device")),
    "out-folder": Case(out_to("folder"), 1, "is a folder", unchanged("folder")),
    "out-read-only": Case(out_to("read-only"), 1, "read-only", unchanged("read-only")),
    "out-the-packs-own-file": Case(out_to("pack"), 1, "content pack", unchanged("pack")),
    "out-missing-folder": Case(out_to("no-folder"), 1, "folder not found"),
    "out-symlink-replaced-not-followed": Case(out_to("symlink"), 0, "wrote", lambda f: (
        assert_true((f / "real.pptx").read_bytes() == b"old"),
        assert_true(zipfile.is_zipfile(f / "target") and not (f / "target").is_symlink()))),
    "out-stale-garbage-lock": Case(lambda f: ((f / ".~lock.deck.pptx#").write_text("junk"),
                                              export(f))[1], 0, "wrote",
                                   lambda f: assert_true(not (f / ".~lock.deck.pptx#").exists())),
    "snapshot-out-fifo": Case(out_to("fifo", "snapshot"), 1, "named pipe", unchanged("fifo")),
    "pdf-out-read-only": Case(out_to("read-only", "pdf"), 1, "read-only",
                              unchanged("read-only")),
}


def assert_true(condition: bool) -> None:
    assert condition


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    args = case.setup(tmp_path)
    env = dict(os.environ, BRIEFDESK_CACHE_DIR=str(tmp_path / "cache"),
               QT_QPA_PLATFORM="offscreen")
    code, err, _, mb = run_cli(*args, env=env)
    assert "Traceback" not in err, err
    assert code == case.code, err
    if case.code:
        assert case.expect in err, err
        assert len(err.strip().splitlines()) <= 3, err  # a clear message, not a dump
    case.after(tmp_path)
    assert mb < MAX_MB, mb
