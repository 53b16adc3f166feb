"""A fast first reading of a pack file, for files the careful reader would accept alike.

The careful reader (`content.yamlread`) builds every value from PyYAML's event stream
and remembers where each stood; on a 70 MB import of 100,000 events that takes over
ten seconds. Here a compiled parser (yaml-rs) builds plain values in a fraction of
that, and the file is first screened for everything that parser would judge
differently from the careful one: anchors, aliases, tags, complex keys, block
scalars, more than one document, directives, tabs, control and line-break characters
the careful reader refuses or reads as line ends, plain scalars that YAML 1.2's core
schema keeps as text but yaml-rs reads as numbers (`1_000`, `0b101`, `0X1F`, `+0x1`,
`.NAN`), numbers of over 100 characters, and nesting deep enough to matter.
Afterwards the values are walked for non-text keys, over-long scalars and nesting
past `MAX_DEPTH`.

`read_fast` returns None whenever it cannot vouch for the file; the caller then reads
it carefully, so every message (with its line and column) is the careful reader's.
Values read here carry no positions: a caller that finds any problem in them reads
the files again carefully to report it (`content.loader.build_pack`).
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from content.errors import YamlError
from content.yamlread import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_NUMBER_CHARS,
    MAX_SCALAR_CHARS,
    decode,
    read_yaml_text,
)

if TYPE_CHECKING:
    from content.yamllayout import Groups

# Bytes the careful reader refuses (C0 controls but LF, CR and tab; DEL), all mapped to
# NUL, and digits mapped to "0", so one translation finds both those and long numbers.
_BYTE_CLASSES = bytes(0 if (b < 0x20 and b not in b"\n\r\t") or b == 0x7F
                      else 0x30 if 0x30 <= b <= 0x39 else b for b in range(256))
# Longest plain number the fast path leaves to yaml-rs: a number of more than
# MAX_NUMBER_CHARS characters holds a run of at least this many digits.
_DIGIT_RUN = b"0" * ((MAX_NUMBER_CHARS - 4) // 3)
# Characters the careful reader refuses or reads as line ends, in UTF-8: C1 controls
# (NEL among them), LS and PS, a BOM inside the text, the non-characters U+FFFE/FFFF.
_WIDE_SUSPECTS = (re.compile(rb"\xc2[\x80-\x9f]"), re.compile(rb"\xe2\x80[\xa8\xa9]"),
                  re.compile(rb"\xef(?:\xbb\xbf|\xbf[\xbe\xbf])"))
# Documents, directives, and block nesting deep enough to matter, at a line's start.
_AT_LINE_START = re.compile(rb"\n(?:---|\.\.\.|%| {512})")
# Characters that start an anchor, an alias, a tag, a complex key or a block scalar
# where a node starts (block scalars end where the two parsers disagree on edge cases,
# and the pack writer never writes them: files that use them are small and hand-made).
_NODE_INDICATORS = (b"&", b"*", b"!", b"?", b"|", b">")
# What may stand before a node on its line: nothing, or an indicator that opens one.
_BEFORE_NODE = b"\n:-[{,?"
# Where yaml-rs reads a plain scalar as a number and the core schema keeps it as text:
# `1_000`, `0b101`, `0X1F`, `0O17`, signed `+0x1`/`-0o7`, `.NAN`, `+.Inf`/`-.INF`.
_NUMBER_HINTS = (re.compile(b"_"), re.compile(rb"0[xXoObB]"), re.compile(rb"\.(?:NAN|I)"))
_NUMBER_START = b"+-.0123456789"
_TOKEN_ENDS = b" \n,[]{}#:\"'"
_COMPACT = re.compile(rb"- +-")  # `- - x`: sequences nested on one line
# A surrogate written as an escape (`"\ud83d\ude80"`, as JSON writes an emoji):
# yaml-rs joins the pair into one character, the careful reader refuses it.
_SURROGATE_ESCAPE = re.compile(rb"\\(?:u|U0000)[dD][89a-fA-F]")
_BOM = b"\xef\xbb\xbf"
_RECORD_DEPTH = 3  # a record: a mapping in the list under a top-level key
_SPACE = ord(" ")


def prepare() -> None:
    """Import yaml-rs on this thread, which must outlive every thread that reads fast
    (the main thread). yaml-rs 0.1.6 crashes the process when it is used after the
    thread that first imported it has ended: a pack loaded on one worker thread, then
    another. Until it is imported so, a thread other than the main one reads
    carefully."""
    _parser()


def _parser() -> Any:
    """The yaml-rs module, or None where it is not installed or not yet imported on
    the main thread (`prepare`; the careful reader then reads everything)."""
    module = sys.modules.get("yaml_rs")
    if module is not None:
        return module
    if threading.current_thread() is not threading.main_thread():
        return None
    try:
        import yaml_rs
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    return yaml_rs


def read_fast(text: str) -> Any | None:
    """`read_fast_bytes` of decoded text (as a test or an editor holds it)."""
    return read_fast_bytes(text.encode("utf-8", "surrogatepass"))


def read_fast_bytes(data: bytes, records_unwalked: str | None = None,
                    build: Callable[[Groups], Any] | None = None) -> Any | None:
    """The values of a YAML file's bytes (plain dicts, lists and scalars), or None when
    the careful reader must read it (see the module docstring). The bytes are screened
    and parsed as they are, never decoded to a second copy: at 70 MB that copy was a
    tenth of a first open's peak memory.

    The mappings in the list under top-level key `records_unwalked` (the records) are
    not walked: the caller vouches for each it uses or has it `walked`. An events file
    laid out as the pack's writer lays it out is read without the parser
    (`content.yamllayout`), each record it matches given to `build` if given."""
    if records_unwalked == "events":
        from content.yamllayout import read_laid_out

        laid_out = read_laid_out(data, read_parsed, build)
        if laid_out is not None:
            return laid_out
    return read_parsed(data, records_unwalked)


def read_parsed(data: bytes, records_unwalked: str | None = None) -> Any | None:
    """`read_fast_bytes` by the parser, whatever the layout."""
    parser = _parser()
    if parser is None or len(data) > MAX_FILE_BYTES:
        return None
    if data.startswith(_BOM):  # one leading BOM, as the careful reader drops it
        data = data[len(_BOM):]
    if b"\r" in data:  # CRLF read as LF, as the careful reader does; a lone CR is not
        if data.count(b"\r") != data.count(b"\r\n"):
            return None
        data = data.replace(b"\r\n", b"\n")
    if not _screened(data):
        return None
    try:  # invalid UTF-8 (a lone surrogate too) is refused, not replaced
        value = parser.load(data, parse_datetime=False, encoding="utf-8",
                            encoder_errors="strict",
                            duplicate_key_policy=parser.DuplicateKeyPolicy.Error)
    except Exception:  # any refusal is the careful reader's to word
        return None
    if value is None or not _walked_but(value, records_unwalked):
        return None
    return value


def walked(record: dict) -> bool:
    """Whether a record left unwalked (`records_unwalked`) passes the walk: text keys,
    scalars within the size limit, nesting within the limit."""
    return _walked(record, _RECORD_DEPTH)


def read_all_fast(folder: Path, files: dict[str, bytes],
                  records_unwalked: dict[str, str] | None = None,
                  build: Callable[[Groups], Any] | None = None
                  ) -> tuple[dict[str, Any], list[str]] | None:
    """Every pack file's values (by name) and which of them were read fast, the rest
    carefully; None when the careful reader refuses a file (the caller then reads
    them all carefully, to report every problem with its place). The records under
    the key `records_unwalked` gives a file's name are the caller's to vouch for or walk
    (and an events file's, `build`'s to make: `read_fast_bytes`)."""
    parsed: dict[str, Any] = {}
    quick = []
    for name, data in files.items():
        shown = str(folder / name)
        try:
            value = read_fast_bytes(data, (records_unwalked or {}).get(name), build)
            if value is None:
                value = read_yaml_text(decode(data, shown), shown)
            else:
                quick.append(name)
            parsed[name] = value
        except YamlError:
            return None
    return parsed, quick


def _screened(data: bytes) -> bool:
    """Whether nothing in `data` is read differently by yaml-rs and the careful reader.

    Every test is a search for a literal (memchr speed) or one pass of translation:
    on 70 MB this costs about a tenth of what yaml-rs itself takes."""
    if not data.endswith(b"\n") or data.startswith((b"---", b"...", b"%", b" ")):
        return False
    if b"\t" in data or _AT_LINE_START.search(data):
        return False
    if b"\\" in data and _SURROGATE_ESCAPE.search(data):
        return False
    if not data.isascii() and any(p.search(data) for p in _WIDE_SUSPECTS):
        return False
    classes = data.translate(_BYTE_CLASSES)
    if b"\0" in classes or _DIGIT_RUN in classes:
        return False
    del classes
    for indicator in _NODE_INDICATORS:
        if indicator in data and _indicator_at_node(data, indicator):
            return False
    if any(_number_like(data, hint) for hint in _NUMBER_HINTS):
        return False
    return not any(_starts_node(data, m.start()) for m in _COMPACT.finditer(data))


def _starts_node(data: bytes, at: int) -> bool:
    """Whether the byte at `at` stands where a node may start: first on its line but
    for spaces, or after `:`, `-`, `[`, `{`, `,` or `?` and spaces. (UTF-8 never uses
    an ASCII byte inside another character, so bytes tell what characters would.)"""
    before = at - 1
    while before >= 0 and data[before] == _SPACE:
        before -= 1
    return before < 0 or data[before] in _BEFORE_NODE


def _indicator_at_node(data: bytes, indicator: bytes) -> bool:
    at = data.find(indicator)
    while at >= 0:
        if _starts_node(data, at):
            return True
        at = data.find(indicator, at + 1)
    return False


def _token_start(data: bytes, at: int) -> int:
    while at > 0 and data[at - 1] not in _TOKEN_ENDS:
        at -= 1
    return at


def _number_like(data: bytes, hint: re.Pattern[bytes]) -> bool:
    """Whether `hint` stands in a plain token at a node's start that starts like a
    number (quoted text and words that merely hold it are read alike by both)."""
    for match in hint.finditer(data):
        start = _token_start(data, match.start())
        if data[start] in _NUMBER_START and _starts_node(data, start):
            return True
    return False


def _walked_but(value: Any, records_of: str | None) -> bool:
    """`_walked`, but for the mappings in the list under top-level key `records_of`."""
    if records_of is None or type(value) is not dict or type(value.get(records_of)) is not list:
        return _walked(value)
    for key, item in value.items():
        if type(key) is not str or len(key) > MAX_SCALAR_CHARS:
            return False
        if key != records_of:
            if not _walked(item, 2):
                return False
            continue
        for record in item:
            if type(record) is not dict and not _walked(record, _RECORD_DEPTH):
                return False
    return True


def _walked(value: Any, depth: int = 1) -> bool:
    """Whether every key is text, every scalar within the size limit and no nesting
    deeper than the careful reader allows (`value` standing at `depth`)."""
    if type(value) is not dict and type(value) is not list:  # a lone scalar
        return type(value) is not str or len(value) <= MAX_SCALAR_CHARS
    stack: list[tuple[Any, int]] = [(value, depth)]
    pop, push = stack.pop, stack.append
    while stack:
        node, depth = pop()
        if depth > MAX_DEPTH:
            return False
        items = node
        if type(node) is dict:
            for key in node:
                if type(key) is not str or len(key) > MAX_SCALAR_CHARS:
                    return False
            items = node.values()
        for item in items:
            kind = type(item)
            if kind is str:
                if len(item) > MAX_SCALAR_CHARS:
                    return False
            elif kind is dict or kind is list:
                push((item, depth + 1))
    return True
