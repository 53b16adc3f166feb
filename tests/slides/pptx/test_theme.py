"""Theme colours resolved as PowerPoint resolves them."""

from __future__ import annotations

from lxml import etree

from slides.pptx.theme import A, ThemeColours


def colour(xml: str) -> etree._Element:
    return etree.fromstring(f'<a:solidFill xmlns:a="{A}">{xml}</a:solidFill>')


def test_slots_go_through_the_colour_map_and_take_their_modifiers() -> None:
    theme = ThemeColours({"dk1": "#000000", "lt1": "#ffffff", "accent1": "#4472c4"},
                         {"bg1": "dk1", "tx1": "lt1"})  # a dark theme: text is light
    assert theme.resolve(colour('<a:schemeClr val="tx1"/>')) == "#ffffff"
    assert theme.resolve(colour('<a:schemeClr val="bg1"/>')) == "#000000"
    darker = theme.resolve(colour('<a:schemeClr val="accent1"><a:lumMod val="50000"/>'
                                  "</a:schemeClr>"))
    assert darker == "#203864"  # PowerPoint's "Accent 1, darker 50%"
    assert theme.resolve(colour('<a:srgbClr val="FF0000"><a:shade val="50000"/>'
                                "</a:srgbClr>")) == "#800000"
    assert theme.resolve(colour('<a:sysClr val="window" lastClr="FAFAFA"/>')) == "#fafafa"
    assert theme.resolve(colour("")) is None


def test_hue_and_saturation_offsets_turn_the_colour() -> None:
    """Keynote's gradients turn an accent's hue: a red turned by 120 degrees is green,
    and a saturation of nothing is grey (the show paints what PowerPoint does)."""
    theme = ThemeColours({"accent6": "#ff0000"})
    green = theme.resolve(colour('<a:schemeClr val="accent6"><a:hueOff val="7200000"/>'
                                 "</a:schemeClr>"))
    assert green == "#00ff00"
    grey = theme.resolve(colour('<a:srgbClr val="FF0000"><a:satMod val="0"/></a:srgbClr>'))
    assert grey == "#808080"
