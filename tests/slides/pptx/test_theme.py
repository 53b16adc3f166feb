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
