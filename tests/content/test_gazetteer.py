"""The offline gazetteer: cities found by name, larger first, with the country code
packs use."""

from __future__ import annotations

from content.gazetteer import find_cities
from resources import resource_path


def test_a_city_is_found_by_the_start_of_its_name_whatever_the_case() -> None:
    found = find_cities("GANJ")
    assert found and found[0].name == "Ganja" and found[0].country_code == "031"
    assert found[0].label().startswith("Ganja, Azerbaijan (")


def test_larger_cities_come_first_and_accents_are_ignored() -> None:
    found = [c for c in find_cities("san jos") if c.name.casefold().startswith("san jos")]
    assert len(found) >= 3
    populations = [c.population for c in found]
    assert populations == sorted(populations, reverse=True)
    assert any(c.name == "Tbilisi" for c in find_cities("tbilisi"))
    assert find_cities("malmo")[0].name == "Malmö"


def test_too_short_a_query_finds_nothing_and_the_licence_ships() -> None:
    assert find_cities("a") == [] and find_cities("  ") == []
    readme = resource_path("gazetteer", "README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme or "Creative Commons Attribution 4.0" in readme
