#!/usr/bin/env python3
"""Regenerate resources/fonts/dejavu-sans-metrics.json from Debian's DejaVu Sans fonts.

The deck layout measures text without Qt, so it needs each character's advance
width. This reads them from the TrueType files (cmap format 4 and hmtx tables) for
Latin, Latin Extended and general punctuation. DejaVu fonts: Bitstream Vera licence
(free to redistribute); only widths are stored here.

    python3 scripts/make_font_metrics.py
"""

from __future__ import annotations

import json
import struct
from pathlib import Path

FONTS = {"regular": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
         "bold": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"}
RANGES = [(0x20, 0x250), (0x2000, 0x2070), (0x20AC, 0x20AD), (0x2190, 0x2194),
          (0x25A0, 0x25D0)]
OUT = Path(__file__).resolve().parents[1] / "resources" / "fonts" / "dejavu-sans-metrics.json"


def tables(data: bytes) -> dict[str, tuple[int, int]]:
    count = struct.unpack(">H", data[4:6])[0]
    out = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i: 28 + 16 * i])
        out[tag.decode("latin-1")] = (offset, length)
    return out


def cmap4(data: bytes, offset: int) -> dict[int, int]:
    _, n = struct.unpack(">HH", data[offset: offset + 4])
    sub = None
    for i in range(n):
        platform, encoding, sub_offset = struct.unpack(
            ">HHI", data[offset + 4 + 8 * i: offset + 12 + 8 * i])
        if (platform, encoding) in ((3, 1), (0, 3)):
            sub = offset + sub_offset
    assert sub is not None and struct.unpack(">H", data[sub: sub + 2])[0] == 4
    segs = struct.unpack(">H", data[sub + 6: sub + 8])[0] // 2
    ends = struct.unpack(f">{segs}H", data[sub + 14: sub + 14 + 2 * segs])
    base = sub + 16 + 2 * segs
    starts = struct.unpack(f">{segs}H", data[base: base + 2 * segs])
    deltas = struct.unpack(f">{segs}h", data[base + 2 * segs: base + 4 * segs])
    range_base = base + 4 * segs
    offsets = struct.unpack(f">{segs}H", data[range_base: range_base + 2 * segs])
    glyphs = {}
    for s, (start, end, delta, ro) in enumerate(zip(starts, ends, deltas, offsets, strict=True)):
        for code in range(start, end + 1):
            if ro == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                at = range_base + 2 * s + ro + 2 * (code - start)
                glyph = struct.unpack(">H", data[at: at + 2])[0]
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            glyphs[code] = glyph
    return glyphs


def advances(path: str) -> tuple[int, dict[str, int]]:
    data = Path(path).read_bytes()
    t = tables(data)
    units = struct.unpack(">H", data[t["head"][0] + 18: t["head"][0] + 20])[0]
    n_metrics = struct.unpack(">H", data[t["hhea"][0] + 34: t["hhea"][0] + 36])[0]
    hmtx = t["hmtx"][0]
    widths = [struct.unpack(">H", data[hmtx + 4 * i: hmtx + 4 * i + 2])[0]
              for i in range(n_metrics)]
    glyphs = cmap4(data, t["cmap"][0])
    out = {}
    for low, high in RANGES:
        for code in range(low, high):
            glyph = glyphs.get(code, 0)
            if glyph:
                out[str(code)] = widths[min(glyph, n_metrics - 1)]
    return units, out


def main() -> None:
    result: dict[str, object] = {"font": "DejaVu Sans", "licence": "Bitstream Vera (DejaVu)"}
    for style, path in FONTS.items():
        units, widths = advances(path)
        result["units_per_em"] = units
        result[style] = widths
    OUT.write_text(json.dumps(result, separators=(",", ":")))
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
