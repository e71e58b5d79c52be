"""Enums and checks shared by several item types (API-NOTES §3.3–3.5)."""

from __future__ import annotations

import re
from typing import Any, Dict

from ..core import params as p
from ..errors import InvalidArgument

STICKY_COLORS = (
    "gray",
    "light_yellow",
    "yellow",
    "orange",
    "light_green",
    "green",
    "dark_green",
    "cyan",
    "light_pink",
    "pink",
    "violet",
    "red",
    "light_blue",
    "blue",
    "dark_blue",
    "black",
)
FONTS = (
    "arial",
    "abril_fatface",
    "bangers",
    "eb_garamond",
    "georgia",
    "graduate",
    "gravitas_one",
    "fredoka_one",
    "nixie_one",
    "open_sans",
    "permanent_marker",
    "pt_sans",
    "pt_sans_narrow",
    "pt_serif",
    "rammetto_one",
    "roboto",
    "roboto_condensed",
    "roboto_slab",
    "caveat",
    "times_new_roman",
    "titan_one",
    "lemon_tuesday",
    "roboto_mono",
    "noto_sans",
    "plex_sans",
    "plex_serif",
    "plex_mono",
    "spoof",
    "tiempos_text",
    "formular",
)
BASIC_SHAPES = (
    "rectangle",
    "round_rectangle",
    "circle",
    "triangle",
    "rhombus",
    "parallelogram",
    "trapezoid",
    "pentagon",
    "hexagon",
    "octagon",
    "wedge_round_rectangle_callout",
    "star",
    "flow_chart_predefined_process",
    "cloud",
    "cross",
    "can",
    "right_arrow",
    "left_arrow",
    "left_right_arrow",
    "left_brace",
    "right_brace",
)
FLOWCHART_SHAPES = (
    "flow_chart_connector",
    "flow_chart_magnetic_disk",
    "flow_chart_input_output",
    "flow_chart_decision",
    "flow_chart_delay",
    "flow_chart_display",
    "flow_chart_document",
    "flow_chart_magnetic_drum",
    "flow_chart_internal_storage",
    "flow_chart_manual_input",
    "flow_chart_manual_operation",
    "flow_chart_merge",
    "flow_chart_multidocuments",
    "flow_chart_note_curly_left",
    "flow_chart_note_curly_right",
    "flow_chart_note_square",
    "flow_chart_offpage_connector",
    "flow_chart_or",
    "flow_chart_predefined_process_2",
    "flow_chart_preparation",
    "flow_chart_process",
    "flow_chart_online_storage",
    "flow_chart_summing_junction",
    "flow_chart_terminator",
)
SHAPES = BASIC_SHAPES + FLOWCHART_SHAPES

TEXT_ALIGN = p.choice("left", "right", "center")
TEXT_ALIGN_VERTICAL = p.choice("top", "middle", "bottom")
FONT_FAMILY = p.choice(*FONTS)
OPACITY = p.number_string(0, 1)

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")


def hex_color(name: str, value: Any) -> str:
    """A colour as ``#rrggbb`` (or ``#rrggbbaa``)."""
    text = p.TEXT(name, value)
    if not _HEX.match(text):
        raise InvalidArgument(f"{name} must be a hex colour like '#ff0000', got {value!r}")
    return text


HEX: p.Check = hex_color


def text_style(font_size: p.Check) -> Dict[str, p.Check]:
    """The text styling texts and shapes share (their font-size ranges differ)."""
    return dict(
        color=HEX,
        fill_color=HEX,
        fill_opacity=OPACITY,
        font_family=FONT_FAMILY,
        font_size=font_size,
        text_align=TEXT_ALIGN,
    )
