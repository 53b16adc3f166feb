"""How the map shades its countries: NATO members as of the time window's end (the
last ten years' members lighter), the pack's focus country, a tooltip on each."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QBrush

from content.dates import day_label, shift_years
from content.model import Pack
from desktop.map.items import CountryItem
from desktop.plaintext import plain_tooltip
from desktop.theme import Theme


def membership_note(name: str, joined: dt.date | None, end: dt.date) -> str:
    """A country's tooltip: its name, and when it joined NATO if it did."""
    if joined is None:
        return name
    if joined <= end:
        return f"{name}\nNATO member since {day_label(joined)}"
    return f"{name}\nJoined NATO on {day_label(joined)}, after the time shown"


def shade_countries(countries: dict[str, CountryItem], pack: Pack, end: dt.date,
                    layers: dict[str, bool], theme: Theme) -> None:
    """Fill each country as of `end`, with the membership and focus layers as set."""
    joined = {m.country: m.joined.first_day() for m in pack.members}
    recent = shift_years(end, -10)
    focus = set(pack.info.focus_countries[:1]) if layers["focus"] else set()
    for cid, item in countries.items():
        colour = theme.land
        date = joined.get(cid)
        item.setToolTip(plain_tooltip(membership_note(item.country.name, date, end)))
        if layers["membership"] and date is not None and date <= end:
            colour = theme.member_new if date > recent else theme.member
        if cid in focus:
            colour = theme.focus
        item.setBrush(QBrush(colour))
