"""The quiet part of a template's body area: where its art leaves room for words.

Some templates draw art inside the area their body placeholder reserves (corner
flourishes, arrows, a band of photographs) as one large picture or a tangle of
shapes, so keeping clear of each shape's box is not enough: the box is the whole
slide. Here the composed backdrop is read instead. The body area is cut into cells
of a few points; a cell is busy when any pixel in it stands out from the colour most
of the area has; the largest rectangle of quiet cells is where our words go, when it
keeps most of the area. Where art is everywhere (a photograph behind everything),
nothing is cut: the colours and plates chosen for that background do the work.
A band of whole lines is preferred to a narrower column, so lines keep their length.
"""

from __future__ import annotations

from PIL import Image, ImageChops

from slides.page import Box

CELL = 8.0  # points a side
STANDS_OUT = 56  # a channel differing from the area's colour by more than this
BUSY_AT_MOST = 0.35  # more of the area busy than this: a picture background, not art
KEEP_AT_LEAST = 0.6  # a quiet rectangle smaller than this share of the area is refused


def busy_cells(image: Image.Image, area: Box, points_per_px: float,
               cell: float = CELL) -> list[list[bool]]:
    """Rows of cells over `area` (points), True where the template's art is."""
    left, top = int(area.x / points_per_px), int(area.y / points_per_px)
    right = min(image.width, max(left + 1, round(area.right / points_per_px)))
    bottom = min(image.height, max(top + 1, round(area.bottom / points_per_px)))
    if right <= left or bottom <= top:
        return []
    crop = image.crop((max(0, left), max(0, top), right, bottom)).convert("RGB")
    counts = crop.getcolors(crop.width * crop.height) or [(1, (255, 255, 255))]
    ground = max(counts)[1]
    plain = Image.new("RGB", crop.size, ground if isinstance(ground, tuple) else 0)
    diff = ImageChops.difference(crop, plain)
    mask = diff.convert("L", (1, 1, 1, 0)).point(lambda v: 255 if v > STANDS_OUT else 0)
    cols = max(1, round(area.w / cell))
    rows = max(1, round(area.h / cell))
    grid = mask.resize((cols, rows), Image.Resampling.BOX)
    return [[bool(grid.getpixel((c, r))) for c in range(cols)] for r in range(rows)]


def largest_quiet(cells: list[list[bool]]) -> tuple[int, int, int, int]:
    """(column, row, columns, rows) of the largest rectangle of quiet cells: the
    histogram method, a row at a time, linear in the number of cells."""
    best = (0, 0, 0, 0)
    if not cells:
        return best
    heights = [0] * len(cells[0])
    for row, line in enumerate(cells):
        heights = [0 if busy else h + 1 for busy, h in zip(line, heights, strict=True)]
        stack: list[int] = []
        for col in range(len(heights) + 1):
            h = heights[col] if col < len(heights) else 0
            while stack and heights[stack[-1]] >= h:
                tall = heights[stack.pop()]
                start = stack[-1] + 1 if stack else 0
                if tall * (col - start) > best[2] * best[3]:
                    best = (start, row - tall + 1, col - start, tall)
            stack.append(col)
    return best


def _widest_band(cells: list[list[bool]]) -> tuple[int, int, int, int]:
    """The tallest run of wholly quiet rows, as (0, row, columns, rows): text keeps
    its full line length, which reads better than a narrower column of more lines."""
    runs = [(0, 0)]
    start = None
    for row, line in enumerate([*cells, [True]]):
        if not any(line) and start is None:
            start = row
        elif any(line) and start is not None:
            runs.append((start, row - start))
            start = None
    first, tall = max(runs, key=lambda r: r[1])
    return (0, first, len(cells[0]), tall)


def quiet_area(image: Image.Image, area: Box, points_per_px: float) -> Box:
    """`area`, cut to the largest part of it the template's art leaves quiet (or
    `area` itself where the art is nowhere, everywhere, or would leave too little)."""
    cells = busy_cells(image, area, points_per_px)
    total = sum(len(line) for line in cells)
    busy = sum(sum(line) for line in cells)
    if not total or not busy or busy > BUSY_AT_MOST * total:
        return area
    col, row, cols, rows = _widest_band(cells)
    if cols * rows < KEEP_AT_LEAST * total:  # no band of whole lines: any rectangle
        col, row, cols, rows = largest_quiet(cells)
    if cols * rows < KEEP_AT_LEAST * total:
        return area
    cell_w, cell_h = area.w / len(cells[0]), area.h / len(cells)
    return Box(area.x + col * cell_w, area.y + row * cell_h, cols * cell_w, rows * cell_h)
