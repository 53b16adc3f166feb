"""Recipes: what goes into a deck, saved and loaded as YAML.

A recipe names the deck's title, subtitle, presenter, date, audience, marking, the
ordered section ids and options. It is read with the same hardened YAML reader as
content packs and written atomically.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from content.dates import PartialDate, day_label
from content.errors import ContentError, Problem
from content.fields import Fields
from content.fileio.atomic import write_atomic
from content.model import Pack
from content.yamlread import YMap, read_yaml_file
from slides.errors import RecipeError

FIELDS = {"title", "subtitle", "presenter", "date", "audience", "marking", "sections",
          "options", "template", "format"}
OPTION_FIELDS = {"event_slides", "timeline_slides", "map_slides", "changed_since",
                 "sources_slide", "agenda", "assertion_titles"}


@dataclass(frozen=True)
class Options:
    """Switches for what the deck contains."""

    event_slides: bool = False
    timeline_slides: bool = True
    map_slides: bool = True
    sources_slide: bool = True
    agenda: bool = True
    changed_since: PartialDate | None = None
    assertion_titles: bool = False  # a section's point as its slides' title, topic above


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
        options = Options(
            event_slides=o.flag("event_slides"),
            timeline_slides=not o.has("timeline_slides") or o.flag("timeline_slides"),
            map_slides=not o.has("map_slides") or o.flag("map_slides"),
            sources_slide=not o.has("sources_slide") or o.flag("sources_slide"),
            agenda=not o.has("agenda") or o.flag("agenda"),
            changed_since=o.date("changed_since", required=False),
            assertion_titles=o.flag("assertion_titles"))
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
    """The recipe as YAML text (every string quoted, so it reads back unchanged)."""
    o = recipe.options
    data = {
        "format": 1, "title": recipe.title, "subtitle": recipe.subtitle,
        "presenter": recipe.presenter, "date": recipe.date, "audience": recipe.audience,
        "marking": recipe.marking, "template": recipe.template,
        "sections": list(recipe.sections),
        "options": {"agenda": o.agenda, "timeline_slides": o.timeline_slides,
                    "map_slides": o.map_slides, "event_slides": o.event_slides,
                    "sources_slide": o.sources_slide, "assertion_titles": o.assertion_titles,
                    "changed_since": o.changed_since.iso() if o.changed_since else None},
    }
    return yaml.dump(data, Dumper=_QuotingDumper, sort_keys=False, allow_unicode=True,
                     width=1_000_000)


class _QuotingDumper(yaml.SafeDumper):
    """Writes every string double-quoted: a title such as `1e5`, `0o17` or `008` written
    plain would read back as a number under our YAML 1.2 reader (or PyYAML's 1.1)."""


_QuotingDumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"'))


def save_recipe(recipe: Recipe, path: Path) -> None:
    """Write the recipe atomically."""
    write_atomic(path, recipe_to_yaml(recipe).encode("utf-8"))
