"""Recipes round-trip through YAML and refuse bad input clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from content.dates import PartialDate
from slides.errors import RecipeError
from slides.recipe import OPTIONS, Options, Recipe, load_recipe, save_recipe


def test_round_trip(tmp_path: Path, recipe: Recipe) -> None:
    odd = recipe.with_(title="NO", subtitle="2021-12-14", audience="<b>staff</b>",
                       options=Options(event_slides=True,
                                       changed_since=PartialDate.parse("2024-06")))
    path = tmp_path / "r.yaml"
    save_recipe(odd, path)
    assert load_recipe(path) == odd


def test_save_keeps_permissions_and_never_half_writes(tmp_path: Path, recipe: Recipe) -> None:
    path = tmp_path / "r.yaml"
    save_recipe(recipe, path)
    path.chmod(0o640)
    save_recipe(recipe.with_(title="Second"), path)
    assert path.stat().st_mode & 0o777 == 0o640
    assert not list(tmp_path.glob(".briefdesk-tmp-*"))


@pytest.mark.parametrize(("text", "words"), [
    ("title: x\n", "missing required field 'sections'"),
    ("title: x\nsections: [a]\nsurprise: 1\n", "unknown field 'surprise'"),
    ("title: x\nsections: [a]\noptions: {changed_since: 2024-13}\n", "month 13"),
    ("title: !!python/object:os.system x\nsections: [a]\n", "tags are not allowed"),
])
def test_bad_recipes(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(text)
    with pytest.raises(RecipeError) as caught:
        load_recipe(path)
    assert words in str(caught.value)
    assert str(caught.value).startswith(str(path) + ":")


# -- any recipe the app can hold saves and loads back equal --------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from content.fields import CONTROL  # noqa: E402

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80).map(
    lambda s: CONTROL.sub("", s).strip())
IDS = st.from_regex(r"[a-z0-9][a-z0-9_.-]{0,20}", fullmatch=True)
DATES = st.builds(lambda d, p: PartialDate.parse(d.isoformat()[:p]),
                  st.dates(), st.sampled_from([4, 7, 10]))


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=TEXT.filter(bool), subtitle=TEXT, presenter=TEXT, date=TEXT, audience=TEXT,
       marking=TEXT, template=TEXT, sections=st.lists(IDS, min_size=1, max_size=5),
       flags=st.lists(st.booleans(), min_size=5, max_size=5),
       since=st.none() | DATES)
def test_any_recipe_round_trips(tmp_path: Path, title: str, subtitle: str, presenter: str,
                                date: str, audience: str, marking: str, template: str,
                                sections: list[str], flags: list[bool],
                                since: PartialDate | None) -> None:
    recipe = Recipe(title=title, sections=tuple(sections), subtitle=subtitle,
                    presenter=presenter, date=date, audience=audience, marking=marking,
                    template=template,
                    options=Options(*flags, changed_since=since))
    path = tmp_path / "r.yaml"
    save_recipe(recipe, path)
    assert load_recipe(path) == recipe


@pytest.mark.parametrize("title", ["1e5", "0o17", "008", "0x1F", ".inf", "true", "~", "null",
                                   "- a", "a: b", "#x", "'q'", '"d"', "é ☃ 𝄞"])
def test_titles_that_look_like_other_things(tmp_path: Path, recipe: Recipe,
                                            title: str) -> None:
    path = tmp_path / "r.yaml"
    save_recipe(recipe.with_(title=title), path)
    assert load_recipe(path).title == title


@pytest.mark.parametrize("spec", OPTIONS,
                         ids=lambda spec: spec.name)
def test_every_deck_option_is_read_from_a_hand_written_recipe(tmp_path: Path, spec) -> None:
    """Each option the Deck pane and the CLI offer can be set in a recipe file by hand,
    in its name, and is read back as set (the others keep their defaults)."""
    value = PartialDate(2024, 3) if spec.kind == "date" else not spec.default
    written = "2024-03" if spec.kind == "date" else str(value).lower()
    path = tmp_path / "r.yaml"
    path.write_text(f"title: T\nsections: [history]\noptions:\n  {spec.name}: {written}\n",
                    encoding="utf-8")
    options = load_recipe(path).options
    assert getattr(options, spec.name) == value
    assert all(getattr(options, other.name) == other.default
               for other in OPTIONS if other is not spec)
    save_recipe(load_recipe(path), tmp_path / "again.yaml")
    assert getattr(load_recipe(tmp_path / "again.yaml").options, spec.name) == value


def test_a_saved_recipe_reads_like_one_written_by_hand_and_reads_back(tmp_path) -> None:
    """Saved recipes quoted every key (`"format": 1`), awkward to edit: keys and plain
    words are plain now, and what would read back as something else stays quoted."""
    from content.loader import load_pack
    from slides.recipe import default_recipe, load_recipe, recipe_to_yaml, save_recipe

    pack = load_pack()
    tricky = default_recipe(pack).with_(title="008", subtitle="yes: no", presenter="1e5",
                                        audience="null")
    text = recipe_to_yaml(tricky)
    assert text.startswith("format: 1\n") and "\nsections:\n- history\n" in text
    assert 'title: "008"' in text and '"format"' not in text
    path = tmp_path / "r.yaml"
    save_recipe(tricky, path)
    back = load_recipe(path)
    assert (back.title, back.subtitle, back.presenter, back.audience) == (
        "008", "yes: no", "1e5", "null")
