"""Filters narrow events the way the analyst expects."""

import datetime as dt

from content.loader import load_pack
from content.query import EventFilter, EventIndex


def index() -> EventIndex:
    return EventIndex(load_pack())


def test_section_filter() -> None:
    events = index().matches(EventFilter(sections=frozenset({"operations"})))
    assert {e.id for e in events} >= {"kabul-airlift", "afghanistan-contribution"}
    assert all("operations" in e.sections for e in events)


def test_a_span_overlapping_the_window_is_kept() -> None:
    flt = EventFilter(start=dt.date(2010, 1, 1), end=dt.date(2010, 12, 31))
    ids = {e.id for e in index().matches(flt)}
    assert ids == {"partnership-for-peace", "afghanistan-contribution"}


def test_text_search_ignores_case_and_diacritics_and_searches_actors() -> None:
    idx = index()
    assert [e.id for e in idx.matches(EventFilter(text="oguz"))] == ["oguz-visit"]
    assert [e.id for e in idx.matches(EventFilter(text="BRUÅSDAL"))] == ["nato-days-baku"]
    assert idx.matches(EventFilter(text="kabul airport thanks"))[0].id == \
        "stoltenberg-thanks-kabul"


def test_place_and_actor_filters() -> None:
    idx = index()
    assert {e.id for e in idx.matches(EventFilter(place="washington"))} == {"washington-meeting"}
    assert all("javier-colomina" in e.actors
               for e in idx.matches(EventFilter(actor="javier-colomina")))


def test_section_counts_follow_the_other_filters() -> None:
    counts = index().count_by_section(EventFilter(start=dt.date(2025, 1, 1)))
    assert counts["outreach"] >= 2 and counts["operations"] == 0


def _fold_slowly(text: str) -> str:
    """The plain definition: casefold, decompose, drop every combining mark."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def test_fold_matches_its_definition_across_scripts() -> None:
    from content.query import fold

    samples = ["Oğuz", "Elčin Bruåsdal", "Nguyễn Thị Ngọc", "Ølstykke ǅemal",
               "Ильхам Алиев", "Sa'd Āl ʿAbd", "ﬁne Straße", "x\u0301\u20d7", "ASCII only",
               "".join(chr(cp) for cp in range(0x00C0, 0x0250)),
               "".join(chr(cp) for cp in range(0x1E00, 0x1F00))]
    for text in samples:
        assert fold(text) == _fold_slowly(text), text
    assert fold("OĞUZ") == fold("oguz") == "oguz"


def test_the_window_keeps_events_touching_its_first_and_last_day() -> None:
    """An event that ends on the window's first day, or starts on its last, is in the
    window: dragging the brush's edge onto an event's last day must not drop it."""
    idx = index()
    for event in idx.events:
        on_first = idx.matches(EventFilter(start=event.end_day, end=event.end_day.replace(
            year=event.end_day.year + 1)))
        on_last = idx.matches(EventFilter(start=event.start_day.replace(
            year=event.start_day.year - 1), end=event.start_day))
        assert event in on_first, f"{event.id} ends on the window's first day"
        assert event in on_last, f"{event.id} starts on the window's last day"


def test_the_indexed_filter_agrees_with_reading_every_event() -> None:
    """Sections are matched through per-section position lists (issue 30: a section
    toggle at 100,000 events must not walk every event object): every combination
    of sections, window, text and place gives what a plain pass over the events
    gives, in the same order, and the section counts agree too."""
    import datetime as dt
    import itertools
    import random

    from content.loader import load_pack
    from content.query import EventFilter, EventIndex

    pack = load_pack()
    index = EventIndex(pack)
    ids = [s.id for s in pack.sections]
    rng = random.Random(30)
    windows = [(None, None), (dt.date(2021, 1, 1), dt.date(2021, 12, 31)),
               (None, dt.date(2000, 1, 1))]
    for picks, (start, end), text, place in itertools.product(
            [None, frozenset(), frozenset(ids[:1]), frozenset(rng.sample(ids, 4)),
             frozenset(ids)], windows, ["", "nato"], [None, "baku"]):
        flt = EventFilter(sections=picks, start=start, end=end, text=text, place=place)
        def passes(i: int, e, start=start, end=end, place=place, text=text) -> bool:
            return ((start is None or e.end_day >= start) and (end is None or e.start_day <= end)
                    and (place is None or place in e.places)
                    and (not text or text in index._text[i]))
        plain = [i for i, e in enumerate(pack.events)
                 if (picks is None or not picks.isdisjoint(e.sections)) and passes(i, e)]
        assert index.matching_indices(flt) == plain, flt
        counts = {s: 0 for s in ids}
        for i, e in enumerate(pack.events):
            if passes(i, e):
                for s in e.sections:
                    counts[s] = counts.get(s, 0) + 1
        assert index.count_by_section(flt) == counts, flt
