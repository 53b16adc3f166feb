"""House rules: tests mirror the source tree, and modules stay small.

For each module `pkg/sub/name.py` there is `tests/pkg/sub/test_name.py`, or a stated
reason below (where it is tested instead, or why it needs no test of its own). No
module is over 400 lines without a stated reason.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("content", "slides", "desktop", "resources")
MAX_LINES = 450  # "about 400": past this a module needs a stated reason

TESTED_ELSEWHERE = {
    "content/builder.py": "every field check, cross-reference and problem of a pack "
                          "(tests/content/test_loader.py, test_fastevents.py, "
                          "test_hostile_corpus.py)",
    "content/packfiles.py": "missing files, links out of the pack, devices and size caps "
                            "(tests/content/test_loader.py, test_hostile_corpus.py)",
    "content/citations.py": "resolved citations in notes and sources slides "
                            "(tests/slides/test_build.py) and accessed dates "
                            "(tests/content/test_model.py)",
    "content/dump.py": "every dump field in tests/content/test_model.py; the dump command "
                       "in tests/desktop/test_cli.py",
    "content/errors.py": "the exception types every loader and corpus test raises and reads",
    "content/fields.py": "field by field through the loader (tests/content/test_loader.py, "
                         "the hostile corpus and tests/content/test_model.py)",
    "slides/errors.py": "exception classes; raised and read in tests/slides/pptx/",
    "slides/sizing.py": "deck lengths on our page, 4:3 and a small-body template in "
                        "tests/slides/test_build.py (test_a_deck_is_briefing_sized)",
    "slides/layout.py": "boxes fit, markings and numbers on every slide "
                        "(tests/slides/test_build.py)",
    "slides/spec.py": "plain dataclasses, built and read by every slides test",
    "desktop/shell/focus.py": "F6 / Shift+F6 driven by keys in "
                              "tests/desktop/shell/test_keyboard.py",
    "desktop/curate/checked_form.py": "the forms' shared checking, driven through every form "
                                     "in tests/desktop/curate/test_editor.py",
    "desktop/shell/recent.py": "recent packs remembered and listed in "
                               "tests/desktop/curate/test_editor.py",
    "desktop/curate/import_dialog.py": "columns mapped, rows checked and imported through the "
                                      "editor in tests/desktop/curate/test_editor.py",
    "desktop/curate/record_form.py": "actors, sources, sections and key points added through "
                                    "the editor in tests/desktop/curate/test_editor.py",
    "desktop/shell/deck_actions.py": "export, PDF and presenting from the menus in "
                                     "tests/desktop/shell/test_main_window.py and "
                                     "tests/test_offline.py",
    "desktop/shell/export_actions.py": "figures and pack data exported in "
                                       "tests/desktop/shell/test_figure.py",
    "desktop/curate/records.py": "every record kind added, changed and deleted through "
                                       "the editor in tests/desktop/curate/test_editor.py",
    "desktop/shell/help.py": "the shortcuts dialog, guide and About in "
                             "tests/desktop/shell/test_keyboard.py",
    "desktop/shell/help_dialogs.py": "the shortcuts dialog and guide opened in "
                                     "tests/desktop/shell/test_keyboard.py",
    "desktop/panes/search_results.py": "grouped results driven through the Filters pane "
                                       "in tests/desktop/panes/test_search.py",
    "slides/section_slides.py": "timeline, map and event slides of the deck builder: "
                                "tests/slides/test_build.py, test_map_layout.py, "
                                "test_timeline_layout.py and test_large_pack.py",
    "desktop/deck/slide_painter.py": "thumbnails and the show paint with it "
                                     "(tests/desktop/deck/test_pane.py, tests/desktop/present/)",
    "desktop/deck/thumbnails.py": "the Deck pane's thumbnails (tests/desktop/deck/test_pane.py)",
    "desktop/housekeeping.py": "stray temp files cleaned after start "
                               "(tests/desktop/shell/test_startup.py)",
    "desktop/keys.py": "a table of zoom keys, pressed in the map and timeline tests",
    "desktop/roles.py": "item-data role numbers, read in the panes' tests",
    "desktop/map/items.py": "markers and countries through the map view "
                            "(tests/desktop/map/test_view.py)",
    "desktop/panes/details.py": "resources refused and markup shown literally "
                                "(tests/desktop/test_hostile_text.py), linked selection "
                                "(tests/desktop/test_linked_views.py)",
    "desktop/panes/event_list.py": "selection both ways (tests/desktop/test_linked_views.py)",
    "desktop/panes/links.py": "only http and https open (tests/desktop/test_plain_text.py)",
    "desktop/present/ink.py": "pointer and pen drawn on the audience window "
                              "(tests/desktop/present/test_presenter_view.py)",
    "desktop/shell/exports.py": "PDF export from the window (tests/desktop/shell/"
                                "test_main_window.py)",
    "desktop/shell/images.py": "snapshots of each view (tests/desktop/shell/test_main_window.py)",
    "desktop/shell/menus.py": "menus and shortcuts before and after start-up "
                              "(tests/desktop/shell/test_startup.py)",
    "desktop/shell/pack_session.py": "open, reload, problems and a moved folder "
                                     "(tests/desktop/shell/test_main_window.py)",
    "desktop/shell/pack_watcher.py": "live reload (tests/desktop/shell/test_main_window.py)",
    "desktop/shell/snapshot.py": "snapshots (tests/desktop/shell/test_main_window.py) and "
                                 "the snapshot command (tests/test_hostile_inputs.py)",
    "desktop/theme.py": "colours only; light and dark basemaps restyled "
                        "(tests/desktop/map/test_basemap.py)",
    "desktop/timeline/lanes.py": "a dataclass the view builds and the painter reads "
                                 "(tests/desktop/test_state.py, tests/desktop/timeline/)",
    "desktop/timeline/marks.py": "cached labels and pills, painted in "
                                 "tests/desktop/timeline/test_paint.py",
    "desktop/timeline/panel.py": "Play and the window status "
                                 "(tests/desktop/test_linked_views.py)",
    "desktop/map/controls.py": "the zoom buttons and country names on screen in "
                               "tests/desktop/map/test_view.py and test_legend.py",
    "desktop/map/glide.py": "R gliding back on a live map slide and Play giving the view "
                            "back (tests/desktop/present/test_audience.py, "
                            "tests/desktop/timeline/test_play.py)",
    "desktop/map/shading.py": "membership shading and tooltips in "
                              "tests/desktop/map/test_legend.py",
    "desktop/timeline/scale.py": "ticks and zoom through tests/desktop/timeline/test_view.py "
                                 "and the calendar-edge tests",
}
LONG_BECAUSE: dict[str, str] = {}  # module -> why it is past MAX_LINES (none today)


def modules() -> list[Path]:
    return sorted(p.relative_to(ROOT) for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")
                  if "packs" not in p.parts and p.name not in ("__init__.py", "__main__.py"))


def test_every_module_has_its_test_file_or_a_reason() -> None:
    missing = [str(m) for m in modules()
               if not (ROOT / "tests" / m.parent / f"test_{m.stem}.py").exists()]
    assert sorted(set(missing) - set(TESTED_ELSEWHERE)) == []
    stale = sorted(set(TESTED_ELSEWHERE) - set(missing))
    assert stale == [], "these have test files now: drop their reasons"


def test_no_module_is_long_without_a_reason() -> None:
    long = {str(m) for m in modules()
            if len((ROOT / m).read_text(encoding="utf-8").splitlines()) > MAX_LINES}
    assert long <= set(LONG_BECAUSE), sorted(long - set(LONG_BECAUSE))
