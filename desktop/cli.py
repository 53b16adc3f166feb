"""The `briefdesk` command line: open the app, validate or dump a pack.

Commands that need no window never import Qt, so they start fast and run on
servers. Every error is one clear line (or one line per content problem) on stderr
and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from content.dates import PartialDate
from content.errors import ContentError
from content.exporting import FORMATS
from content.fileio.atomic import check_target
from content.fileio.reading import FileRefused
from desktop.errors import error_text
from slides.errors import DeckError
from slides.recipe import OPTIONS

if TYPE_CHECKING:
    from content.model import Pack
    from slides.recipe import Recipe

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefdesk",
        description="Briefing Desk: map, timeline and briefing decks from a content pack.")
    parser.add_argument("--content", type=Path, metavar="DIR",
                        help="content pack folder (default: the embedded Azerbaijan–NATO pack)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    validate = commands.add_parser("validate", help="check a pack; print every problem")
    validate.add_argument("--content", type=Path, metavar="DIR", default=argparse.SUPPRESS)
    validate.add_argument("--strict", action="store_true",
                          help="also run the pack lint (curation conventions); warnings "
                               "fail the check")
    dump = commands.add_parser("dump", help="print the loaded pack as JSON")
    dump.add_argument("--content", type=Path, metavar="DIR", default=argparse.SUPPRESS)
    export = commands.add_parser("export", help="write a briefing deck without a window")
    export.add_argument("--out", type=Path, metavar="F.pptx")
    export.add_argument("--check", action="store_true",
                        help="with --template: say what the template gives a deck (layouts, "
                             "colours, fonts, warnings) and write nothing")
    export.add_argument("--sections", metavar="a,b,...", help="section ids, in order")
    export.add_argument("--recipe", type=Path, metavar="R.yaml")
    export.add_argument("--template", type=Path, metavar="T.pptx|T.potx")
    export.add_argument("--marking", metavar="TEXT", help="e.g. 'NATO UNCLASSIFIED'")
    export.add_argument("--title", metavar="TEXT")
    export.add_argument("--format", choices=("pptx", "pdf"), default=None,
                        help="default: from the --out file's extension")
    export.add_argument("--notes", action="store_true", help="PDF: notes pages (A4)")
    export.add_argument("--content", type=Path, metavar="DIR", default=argparse.SUPPRESS)
    _deck_options(export)
    present = commands.add_parser("present", help="present a deck full-screen")
    present.add_argument("--recipe", type=Path, metavar="R.yaml")
    present.add_argument("--sections", metavar="a,b,...")
    present.add_argument("--screen", type=int, metavar="N", help="audience screen (0 = first)")
    present.add_argument("--presenter-view", action="store_true",
                         help="open the presenter view even with one screen")
    present.add_argument("--content", type=Path, metavar="DIR", default=argparse.SUPPRESS)
    _deck_options(present)
    imp = commands.add_parser("import", help="add events from a CSV or TimelineJS JSON file "
                              "to a pack's events.yaml")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--pack", type=Path, required=True, metavar="DIR",
                     help="the pack folder to add to")
    imp.add_argument("--section", metavar="ID", help="for rows that name no section")
    imp.add_argument("--source", metavar="ID", help="for rows that cite no source")
    imp.add_argument("--dry-run", action="store_true", help="check and say; write nothing")
    imp.add_argument("--skip-invalid", action="store_true",
                     help="add the valid rows and skip the others (each is still listed)")
    data = commands.add_parser("data", help="write the pack's data as CSV, GeoJSON, "
                               "TimelineJS JSON or iCalendar")
    data.add_argument("--format", required=True, choices=FORMATS)
    data.add_argument("--out", type=Path, required=True, metavar="FILE")
    data.add_argument("--content", type=Path, metavar="DIR", default=argparse.SUPPRESS)
    snap = commands.add_parser("snapshot", help="render a view to PNG without a screen")
    snap.add_argument("view", choices=("map", "timeline", "window"))
    snap.add_argument("--out", type=Path, required=True, metavar="F.png")
    snap.add_argument("--size", type=_size, default=(1600, 1000), metavar="WxH")
    snap.add_argument("--content", type=Path, metavar="DIR", default=argparse.SUPPRESS)
    return parser


def _deck_options(command: argparse.ArgumentParser) -> None:
    """A flag for each deck option (`slides.recipe.OPTIONS`), over the recipe's value."""
    group = command.add_argument_group("deck options (default: the recipe's)")
    for spec in OPTIONS:
        if spec.kind == "date":
            group.add_argument(spec.flag, dest=spec.name, type=_date, metavar="DATE",
                               default=None, help=spec.help)
        else:
            group.add_argument(spec.flag, dest=spec.name, action=argparse.BooleanOptionalAction,
                               default=None, help=spec.help)


def _date(text: str) -> PartialDate:
    try:
        return PartialDate.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size {text!r} must be WIDTHxHEIGHT, e.g. 1600x1000"
                                         ) from None
    if not (200 <= width <= 8000 and 150 <= height <= 8000):
        raise argparse.ArgumentTypeError(f"size {text!r} must be between 200x150 and 8000x8000")
    return width, height


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "validate":
            return _validate(args.content, args.strict)
        if args.command == "dump":
            return _dump(args.content)
        if args.command == "export":
            return _export(args)
        if args.command == "present":
            return _present(args)
        if args.command == "data":
            return _data(args)
        if args.command == "import":
            return _import(args)
        if args.command == "snapshot":
            return _snapshot(args.view, args.out, args.size, args.content)
        return _open_app(args.content)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except (DeckError, FileRefused, OSError) as exc:
        print(f"briefdesk: {error_text(exc)}", file=sys.stderr)
        return EXIT_PROBLEMS


def _import(args: argparse.Namespace) -> int:
    """Check every row; write events.yaml (atomically) only if all are good (or the
    bad ones are skipped) and the pack with them still loads."""
    from content.fileio.atomic import write_atomic
    from content.importing import plan_import

    pack = _load(args.pack)
    result = plan_import(pack, args.pack, args.file, args.section, args.source,
                         args.skip_invalid)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    target = args.pack / "events.yaml"
    if not result.events_yaml:
        print(f"briefdesk: nothing written: {len(result.problems)} problem(s) in "
              f"{args.file}" + ("" if args.skip_invalid else
                                " (--skip-invalid adds the good rows)"), file=sys.stderr)
        return EXIT_PROBLEMS
    if args.dry_run:
        print(f"would add {result.count} event(s) to {target}"
              + (f", skipping {result.skipped} row(s)" if result.skipped else ""))
        return EXIT_OK
    write_atomic(target, result.events_yaml, own_pack=True)  # the pack is the target here
    print(f"added {result.count} event(s) to {target}"
          + (f", skipped {result.skipped} row(s)" if result.skipped else ""))
    return EXIT_OK


def _data(args: argparse.Namespace) -> int:
    """Write the pack's data in another format (never over a file of the pack)."""
    from content.exporting import export_text
    from content.fileio.atomic import write_atomic

    pack = _load(args.content)
    check_target(args.out)
    text = export_text(pack, args.format)
    write_atomic(args.out, text.encode("utf-8"),
                 protected=[Path(pack.folder) / n for n in ("pack.yaml", "events.yaml")]
                 if pack.folder else ())
    print(f"wrote {args.out} ({args.format}, {len(pack.events)} events)")
    return EXIT_OK


def _load(folder: Path | None):
    from content.loader import load_pack

    return load_pack(folder)


def _validate(folder: Path | None, strict: bool = False) -> int:
    pack = _load(folder)
    if strict:
        from content.lint import lint

        warnings = lint(pack)
        for warning in warnings:
            print(warning, file=sys.stderr)
        if warnings:
            noun = "warning" if len(warnings) == 1 else "warnings"
            print(f"{len(warnings)} {noun}: the pack is valid but breaks curation "
                  "conventions (see content/lint.py)", file=sys.stderr)
            return EXIT_PROBLEMS
    print(f"ok: {pack.info.title}: {len(pack.sections)} sections, {len(pack.events)} events, "
          f"{len(pack.places)} places, {len(pack.actors)} actors, {len(pack.sources)} sources")
    return EXIT_OK


def _dump(folder: Path | None) -> int:
    from content.dump import pack_to_dict

    json.dump(pack_to_dict(_load(folder)), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    if args.check:
        return _preflight(args)
    if args.out is None:
        print("briefdesk export: --out F.pptx is required (or --template T --check)",
              file=sys.stderr)
        return EXIT_USAGE
    check_target(args.out)  # before any work: a FIFO or read-only file is said at once
    from slides.build import build_deck
    from slides.pptx.look import template_page
    from slides.pptx.writer import write_pptx

    pack = _load(args.content)
    recipe = _recipe(args, pack)
    template = args.template or (Path(recipe.template) if recipe.template else None)
    deck = build_deck(pack, recipe, template_page(template))
    from content.fileio.atomic import clean_stray_temp_files

    clean_stray_temp_files(args.out.parent, min_age=60.0)  # leftovers of a killed export
    kind = args.format or ("pdf" if args.out.suffix.lower() == ".pdf" else "pptx")
    if kind == "pdf":
        if not has_display():
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from desktop.deck.pdf import write_pdf
        from desktop.shell.app import make_app

        make_app()
        write_pdf(deck, args.out, notes=args.notes)
    else:
        write_pptx(deck, args.out, template)
    print(f"wrote {args.out} ({len(deck.slides)} slides)")
    return EXIT_OK


def _preflight(args: argparse.Namespace) -> int:
    """`export --template T --check`: what the template will give a deck."""
    from slides.pptx.look import preflight, template_look

    if args.template is None:
        print("briefdesk export --check: name the template with --template T",
              file=sys.stderr)
        return EXIT_USAGE
    look = template_look(args.template)
    if look is None:  # only for no template, which was said above
        return EXIT_USAGE
    print("\n".join(preflight(look, str(args.template))))
    return EXIT_OK


def _recipe(args: argparse.Namespace, pack: Pack) -> Recipe:
    """The recipe the command line asks for: --recipe (or the pack's default), then
    --sections, --title and --marking over it (the same for export and present)."""
    from slides.recipe import default_recipe, load_recipe

    recipe = load_recipe(args.recipe) if args.recipe else default_recipe(pack)
    if args.sections:
        recipe = recipe.with_(sections=tuple(s.strip() for s in args.sections.split(",")
                                             if s.strip()))
    if getattr(args, "title", None):
        recipe = recipe.with_(title=args.title)
    if getattr(args, "marking", None):
        recipe = recipe.with_(marking=args.marking)
    chosen = {spec.name: value for spec in OPTIONS
              if (value := getattr(args, spec.name, None)) is not None}
    if chosen:
        recipe = recipe.with_(options=dataclasses.replace(recipe.options, **chosen))
    return recipe


def _present(args: argparse.Namespace) -> int:
    from slides.build import build_deck
    from slides.pptx.look import template_page

    pack = _load(args.content)
    recipe = _recipe(args, pack)
    deck = build_deck(pack, recipe, template_page(recipe.template or None))
    if not has_display():
        print("briefdesk: no display to present on (DISPLAY is not set); use "
              "'briefdesk export --format pdf' here.", file=sys.stderr)
        return EXIT_USAGE
    from desktop.present.show import ShowController
    from desktop.shell.app import make_app

    app = make_app()
    show = ShowController(deck, pack, presenter_view=args.presenter_view or None,
                          screen=args.screen)
    show.ended.connect(lambda _index: app.quit())
    show.start()
    app.exec()
    return EXIT_OK


def _snapshot(view: str, out: Path, size: tuple[int, int], folder: Path | None) -> int:
    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # render without a screen
    from desktop.shell.snapshot import snapshot

    check_target(out)
    _load(folder)  # content problems are reported before Qt starts
    snapshot(view, out, size, folder)
    print(f"wrote {out} ({size[0]}x{size[1]})")
    return EXIT_OK


def has_display() -> bool:
    """Whether Qt can show a window here (a display, or an explicit QPA platform)."""
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or os.environ.get("QT_QPA_PLATFORM"))


def _open_app(folder: Path | None) -> int:
    if not has_display():
        print("briefdesk: no display to open a window on (DISPLAY is not set); here use "
              "'briefdesk export' or 'briefdesk snapshot' (also validate, dump), or run under "
              "Xvfb.", file=sys.stderr)
        return EXIT_USAGE
    from desktop.shell.app import run_app

    return run_app(folder)
