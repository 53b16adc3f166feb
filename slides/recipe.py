"""Recipes: what goes into a deck, saved and loaded as YAML.

A recipe names the deck's title, subtitle, presenter, date, audience, marking, the
ordered section ids and options. It is read with the same hardened YAML reader as
content packs and written atomically.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

import yaml

from content.dates import PartialDate, day_label
from content.errors import ContentError, Problem
from content.fields import Fields
from content.fileio.atomic import write_atomic
from content.model import Pack
from content.yamledit import scalar
from content.yamlread import YMap, read_yaml_file
from slides.errors import RecipeError

FIELDS = {"title", "subtitle", "presenter", "date", "audience", "marking", "sections",
          "options", "template", "format"}


@dataclass(frozen=True)
class Options:
    """Switches for what the deck contains (each described once in `OPTIONS`)."""

    event_slides: bool = False
    timeline_slides: bool = True
    map_slides: bool = True
    sources_slide: bool = True
    agenda: bool = True
    changed_since: PartialDate | None = None
    assertion_titles: bool = False  # a section's point as its slides' title, topic above
    detailed: bool = False  # every section its own timeline and map, however small

    @staticmethod
    def of(values: dict[str, bool | PartialDate | None]) -> Options:
        """Options from values by name, as `OPTIONS` describes them (a name it does
        not know is a TypeError)."""
        return Options(**values)  # type: ignore[arg-type]  # each value's kind is its spec's


@dataclass(frozen=True)
class OptionSpec:
    """One deck option, as every way in shows it: the recipe's YAML key and the field
    of `Options` (`name`), the CLI flag, the Deck pane's control and their help."""

    name: str
    label: str  # the Deck pane's checkbox
    help: str  # the CLI's help and the checkbox's tooltip
    kind: Literal["switch", "date"] = "switch"  # on/off, or a date that turns it on

    @property
    def flag(self) -> str:
        """The CLI flag: `--timeline-slides` (and `--no-timeline-slides` for a switch)."""
        return "--" + self.name.replace("_", "-")

    @property
    def default(self) -> bool | PartialDate | None:
        """What a recipe that does not mention the option gets."""
        value: bool | PartialDate | None = getattr(Options(), self.name)
        return value


# The deck's options in the order the Deck pane lists them; adding one is a field of
# `Options`, a line here, and the builder reading it.
OPTIONS = (
    OptionSpec("agenda", "Agenda", "an agenda slide after the bottom line"),
    OptionSpec("timeline_slides", "Timeline per section", "a timeline of each section"),
    OptionSpec("map_slides", "Map per section", "a map of each section's places"),
    OptionSpec("event_slides", "One slide per event", "a slide for each event, its latest"),
    OptionSpec("sources_slide", "Sources", "the numbered sources at the end"),
    OptionSpec("assertion_titles", "Titles say the point (topic above)",
               "a section's point as its slides' titles, the topic above"),
    OptionSpec("detailed", "Detailed: all timelines and maps",
               "every section its own timeline and map, whatever the deck's length"),
    OptionSpec("changed_since", "What changed since",
               "a slide of the events after this date (YYYY, YYYY-MM or YYYY-MM-DD)",
               kind="date"),
)
OPTION_FIELDS = {spec.name for spec in OPTIONS}


@dataclass(frozen=True)
class Recipe:
    """Everything `build_deck` needs besides the pack."""

    title: str
    sections: tuple[str, ...]
    subtitle: str = ""
    presenter: str = ""
    date: str = ""
    audience: str = ""
    marking: str = ""
    template: str = ""
    options: Options = field(default_factory=Options)

    def with_(self, **changes: object) -> Recipe:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


def default_recipe(pack: Pack, sections: list[str] | None = None) -> Recipe:
    """A recipe for `pack`: its title, every section (or `sections`), its marking."""
    return Recipe(title=pack.info.title, subtitle=pack.info.subtitle,
                  sections=tuple(sections or [s.id for s in pack.sections]),
                  date=day_label(dt.date.today()), marking=pack.info.marking)


def check_sections(recipe: Recipe, pack: Pack) -> None:
    """Raise `RecipeError` naming any section the pack does not have."""
    known = {s.id for s in pack.sections}
    unknown = [s for s in recipe.sections if s not in known]
    if unknown:
        raise RecipeError(f"unknown section(s): {_listed(unknown)}; the pack has: "
                          f"{_listed([s.id for s in pack.sections])}")
    if not recipe.sections:
        raise RecipeError("the recipe selects no sections")


def _listed(names: list[str], limit: int = 12) -> str:
    """Names for a one-line message: the first `limit`, then how many more."""
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit:,} more" if len(names) > limit else "")


def load_recipe(path: Path) -> Recipe:
    """Read a recipe file; problems raise `RecipeError` with file, line and column."""
    try:
        doc = read_yaml_file(path)
    except ContentError as exc:
        raise RecipeError(exc.report()) from None
    problems: list[Problem] = []
    if not isinstance(doc, YMap):
        raise RecipeError(f"{path}:1:1: a recipe must be a mapping of fields")
    f = Fields(doc, str(path), problems, FIELDS, "the recipe")
    sections = f.id_list("sections", required=True)
    options = Options()
    raw = doc.get("options")
    if isinstance(raw, YMap):
        o = Fields(raw, str(path), problems, OPTION_FIELDS, "options")
        options = Options.of({
            spec.name: (o.date(spec.name, required=False) if spec.kind == "date"
                        else o.flag(spec.name) if o.has(spec.name) else spec.default)
            for spec in OPTIONS})
    elif raw is not None:
        f.add("options", "options must be a mapping")
    recipe = Recipe(title=f.text("title"), sections=sections,
                    subtitle=f.text("subtitle", required=False),
                    presenter=f.text("presenter", required=False),
                    date=_text_or_date(f, "date"), audience=f.text("audience", required=False),
                    marking=f.text("marking", required=False),
                    template=f.text("template", required=False), options=options)
    if problems:
        raise RecipeError("\n".join(str(p) for p in problems))
    return recipe


def _text_or_date(f: Fields, key: str) -> str:
    value = f.record.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return f.text(key, required=False)


def recipe_to_yaml(recipe: Recipe) -> str:
    """The recipe as YAML text (anything that is not a plain word quoted, so it reads
    back unchanged)."""
    o = recipe.options
    data = {
        "format": 1, "title": recipe.title, "subtitle": recipe.subtitle,
        "presenter": recipe.presenter, "date": recipe.date, "audience": recipe.audience,
        "marking": recipe.marking, "template": recipe.template,
        "sections": list(recipe.sections),
        "options": {spec.name: _option_yaml(getattr(o, spec.name)) for spec in OPTIONS},
    }
    return yaml.dump(data, Dumper=_QuotingDumper, sort_keys=False, allow_unicode=True,
                     width=1_000_000)


def _option_yaml(value: bool | PartialDate | None) -> bool | str | None:
    return value.iso() if isinstance(value, PartialDate) else value


class _QuotingDumper(yaml.SafeDumper):
    """Writes a string plain when it is a plain word that reads back as itself
    (`format`, `history`), double-quoted otherwise: a title such as `1e5`, `0o17` or
    `008` written plain would read back as a number under our YAML 1.2 reader (or
    PyYAML's 1.1). Keys are not quoted, so the file is easy to edit by hand."""


_QuotingDumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style=None if scalar(text) == text else '"'))


def save_recipe(recipe: Recipe, path: Path) -> None:
    """Write the recipe atomically."""
    write_atomic(path, recipe_to_yaml(recipe).encode("utf-8"))
