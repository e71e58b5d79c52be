"""Every item kind, declared once: where it lives, what it accepts, what it answers.

Field rules follow the spec's create/update schemas and API-NOTES §3 (required fields,
enums, numbers-as-strings, fixed-ratio geometry, frames without parents …).
"""

from __future__ import annotations

import dataclasses
import html
from typing import Any, Callable, Dict, Mapping, Optional, Tuple

from . import checks as c
from .server import Request

STICKY_COLORS = c.enum(
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
ALIGN = c.enum("left", "right", "center")
ALIGN_VERTICAL = c.enum("top", "middle", "bottom")
FONTS = c.enum(
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
SHAPE_NAMES = c.enum(*BASIC_SHAPES, *FLOWCHART_SHAPES)
OPACITY = c.numeric_string(0, 1)
LIST_TYPES = (
    "text",
    "shape",
    "sticky_note",
    "image",
    "document",
    "card",
    "app_card",
    "preview",
    "frame",
    "embed",
    "doc_format",
    "data_table_format",
)
CUSTOM_FIELD = c.obj(
    {
        "value": c.string,
        "tooltip": c.string,
        "fillColor": c.string,
        "textColor": c.string,
        "iconUrl": c.string,
        "iconShape": c.enum("round", "square"),
    }
)
MAX_FILE_BYTES = 6 * 1024 * 1024


@dataclasses.dataclass
class Kind:
    """One item kind: where it lives, what create/update accept, what it answers."""

    type: str
    segment: str
    data: Mapping[str, c.Check]
    style: Optional[Mapping[str, c.Check]] = None
    geometry: Optional[c.Check] = None
    update_data: Optional[Mapping[str, c.Check]] = None
    update_geometry: Optional[c.Check] = None
    required: Tuple[str, ...] = ()  # required data fields on create
    data_required: bool = False
    parent: bool = True
    body_required: bool = True
    updatable: bool = True
    default_data: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    default_style: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    size: Tuple[float, float] = (200.0, 200.0)
    fixed_ratio: bool = False
    data_out: Callable[[Request, Dict[str, Any]], Dict[str, Any]] = lambda request, data: data
    base: str = "/v2"
    has_position: bool = True
    has_geometry: bool = True

    def body_fields(self, updating: bool) -> Dict[str, c.Check]:
        """The top-level fields of create (or update) and their checks."""
        fields: Dict[str, c.Check] = {
            "data": c.obj(self.update_data if updating and self.update_data else self.data)
        }
        if self.style is not None:
            fields["style"] = c.obj(self.style)
        fields["position"] = c.POSITION
        geometry = self.update_geometry if updating and self.update_geometry else self.geometry
        if geometry is not None:
            fields["geometry"] = geometry
        if self.parent:
            fields["parent"] = c.PARENT
        return fields


def _url_data(key: str) -> Callable[[Request, Dict[str, Any]], Dict[str, Any]]:
    def render(request: Request, data: Dict[str, Any]) -> Dict[str, Any]:
        out = {k: v for k, v in data.items() if k not in ("url", "altText")}
        if "url" in data:
            out[key] = data["url"]
        return out

    return render


def _embed_data(request: Request, data: Dict[str, Any]) -> Dict[str, Any]:
    out = dict(data)
    url = data.get("url", "")
    out.update(
        {
            "contentType": "video" if "youtube" in url else "link",
            "html": f'<iframe src="{html.escape(url)}"></iframe>',
            "providerName": url.split("/")[2] if url.count("/") >= 2 else "",
            "providerUrl": "/".join(url.split("/")[:3]),
        }
    )
    out.setdefault("mode", "inline")
    return out


def _frame_data(request: Request, data: Dict[str, Any]) -> Dict[str, Any]:
    return {k: v for k, v in data.items() if k != "showContent"}


def _app_card_data(request: Request, data: Dict[str, Any]) -> Dict[str, Any]:
    return dict(data, owned=True)


def _mindmap_data(request: Request, data: Dict[str, Any]) -> Dict[str, Any]:
    node = data["nodeView"].get("data", {})  # optional in MindmapNode
    return {
        "nodeView": {
            "type": node.get("type", "text"),
            "data": {"content": node.get("content", "")},
        },
        "isRoot": data.get("isRoot", True),
        "direction": data.get("direction", "end"),
    }


SHAPE_STYLE = {
    "borderColor": c.string,
    "borderOpacity": OPACITY,
    "borderStyle": c.enum("normal", "dotted", "dashed"),
    "borderWidth": c.numeric_string(1, 24),
    "color": c.string,
    "fillColor": c.string,
    "fillOpacity": OPACITY,
    "fontFamily": FONTS,
    "fontSize": c.numeric_string(10, 288),
    "textAlign": ALIGN,
    "textAlignVertical": ALIGN_VERTICAL,
}
SHAPE_DEFAULT_STYLE = {
    "borderColor": "#1a1a1a",
    "borderOpacity": "1.0",
    "borderStyle": "normal",
    "borderWidth": "2.0",
    "color": "#1a1a1a",
    "fillColor": "#ffffff",
    "fillOpacity": "1.0",
    "fontFamily": "arial",
    "fontSize": "14",
    "textAlign": "center",
    "textAlignVertical": "middle",
}


def shape_kind(base: str) -> Kind:
    """Shapes; the experimental flowchart endpoint takes the same bodies (API-NOTES §3.1)."""
    return Kind(
        "shape",
        "shapes",
        data={"content": c.string, "shape": SHAPE_NAMES},
        style=SHAPE_STYLE,
        geometry=c.GEOMETRY,
        default_data={"shape": "rectangle"},
        default_style=SHAPE_DEFAULT_STYLE,
        base=base,
    )


CODE = {
    "code": c.max_length(6000),
    "language": c.string,
    "lineNumbersVisible": c.boolean,
    "title": c.max_length(100),
}

KINDS: Dict[Tuple[str, str], Kind] = {
    (k.base, k.segment): k
    for k in [
        Kind(
            "sticky_note",
            "sticky_notes",
            {"content": c.string, "shape": c.enum("square", "rectangle")},
            style={
                "fillColor": STICKY_COLORS,
                "textAlign": ALIGN,
                "textAlignVertical": ALIGN_VERTICAL,
            },
            geometry=c.fixed_ratio(rotation=False),
            default_data={"content": "", "shape": "square"},
            default_style={
                "fillColor": "light_yellow",
                "textAlign": "center",
                "textAlignVertical": "top",
            },
            size=(199.0, 228.0),
            fixed_ratio=True,
        ),
        Kind(
            "text",
            "texts",
            {"content": c.string},
            required=("content",),
            data_required=True,
            style={
                "color": c.string,
                "fillColor": c.string,
                "fillOpacity": OPACITY,
                "fontFamily": FONTS,
                "fontSize": c.numeric_string(minimum=1),
                "textAlign": ALIGN,
            },
            geometry=c.WIDTH_ONLY,
            default_style={
                "color": "#1a1a1a",
                "fillColor": "#ffffff",
                "fillOpacity": "1.0",
                "fontFamily": "arial",
                "fontSize": "14",
                "textAlign": "center",
            },
            size=(320.0, 50.0),
        ),
        shape_kind("/v2"),
        Kind(
            "card",
            "cards",
            {
                "assigneeId": c.string,
                "description": c.string,
                "dueDate": c.date_time,
                "title": c.string,
            },
            style={"cardTheme": c.string},
            geometry=c.GEOMETRY,
            default_style={"cardTheme": "#2d9bf0"},
            size=(320.0, 94.0),
        ),
        Kind(
            "app_card",
            "app_cards",
            {
                "description": c.string,
                "fields": c.array(CUSTOM_FIELD),
                "status": c.enum("disconnected", "connected", "disabled"),
                "title": c.string,
            },
            style={"fillColor": c.string},
            geometry=c.GEOMETRY,
            default_data={"status": "disconnected"},
            default_style={"fillColor": "#2d9bf0"},
            size=(320.0, 94.0),
            data_out=_app_card_data,
        ),
        Kind(
            "frame",
            "frames",
            {
                "format": c.enum("custom"),
                "title": c.string,
                "type": c.enum("freeform"),
                "showContent": c.boolean,
            },
            style={"fillColor": c.string},
            geometry=c.GEOMETRY_NO_ROTATION,
            data_required=True,
            parent=False,
            default_data={"format": "custom", "title": "", "type": "freeform"},
            default_style={"fillColor": "#ffffffff"},
            size=(1000.0, 1000.0),
            data_out=_frame_data,
        ),
        Kind(
            "image",
            "images",
            {"title": c.string, "url": c.string},
            geometry=c.fixed_ratio(rotation=True),
            required=("url",),
            data_required=True,
            size=(400.0, 300.0),
            fixed_ratio=True,
            data_out=_url_data("imageUrl"),
        ),
        Kind(
            "document",
            "documents",
            {"title": c.string, "url": c.string},
            geometry=None,
            update_geometry=c.fixed_ratio(rotation=True),
            required=("url",),
            data_required=True,
            size=(320.0, 452.0),
            fixed_ratio=True,
            data_out=_url_data("documentUrl"),
        ),
        Kind(
            "embed",
            "embeds",
            {"mode": c.enum("inline", "modal"), "previewUrl": c.string, "url": c.string},
            geometry=c.fixed_ratio(rotation=False),
            required=("url",),
            data_required=True,
            size=(480.0, 270.0),
            fixed_ratio=True,
            data_out=_embed_data,
        ),
        Kind(
            "doc_format",
            "docs",
            {"contentType": c.enum("markdown"), "content": c.string, "contentVersion": c.number()},
            required=("contentType", "content"),
            data_required=True,
            updatable=False,
            has_geometry=False,
        ),
        shape_kind("/v2-experimental"),
        Kind(
            "mindmap_node",
            "mindmap_nodes",
            {
                "nodeView": c.obj(
                    {
                        "data": c.obj(
                            {"type": c.enum("text"), "content": c.string}, required=("type",)
                        )
                    }
                )
            },
            required=("nodeView",),
            data_required=True,
            updatable=False,
            geometry=c.obj({"width": c.SIZE}),
            base="/v2-experimental",
            data_out=_mindmap_data,
            has_position=False,
            has_geometry=False,
        ),
        Kind(
            "code_widget",
            "code_widgets",
            CODE,
            geometry=c.GEOMETRY,
            base="/v2-experimental",
            body_required=False,
            size=(500.0, 300.0),
        ),
    ]
}
BY_TYPE = {k.type: k for k in KINDS.values() if k.base == "/v2"}
BY_TYPE.update({k.type: k for k in KINDS.values() if k.type not in BY_TYPE})
EXPERIMENTAL_ONLY = ("mindmap_node", "code_widget")
