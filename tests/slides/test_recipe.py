"""Recipes round-trip through YAML and refuse bad input clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from content.dates import PartialDate
from slides.errors import RecipeError
from slides.recipe import Options, Recipe, load_recipe, save_recipe


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
