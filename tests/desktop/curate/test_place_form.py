"""The place form: a country by its name, stored as its code."""

from __future__ import annotations


def test_the_place_form_takes_a_country_by_name(qtbot) -> None:
    """The place form asked for an ISO numeric code; it takes the country's name (or
    picks it from the list) and stores the code."""
    from content.editing import PlaceDraft
    from desktop.curate.place_form import CountryField

    field = CountryField(PlaceDraft("", "", 0.0, 0.0, "city", "").country)
    qtbot.addWidget(field)
    field.setEditText("Azerbaijan")
    assert field.code() == "031"
    field.setEditText("Georgia (268)")
    assert field.code() == "268"
    field.setText("031")
    assert field.currentText().startswith("Azerbaijan")
    field.setEditText("704")  # a code typed as such is kept
    assert field.code() == "704"
