"""Declarations, for type checkers and editors, of the flat item methods that
:func:`miro.compat.items.install` generates at import time (they do not exist at run
time: ``install`` adds the real ones). Generated: edit the item declarations, then run
``MIRO_WRITE_ITEM_METHODS=1 python -m pytest tests/test_official_annotations.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Optional

if TYPE_CHECKING:
    from ..experimental import CodeWidget, MindmapNode
    from ..items.app_cards import AppCard
    from ..items.cards import Card
    from ..items.doc_formats import DocFormat
    from ..items.documents import Document
    from ..items.embeds import Embed
    from ..items.frames import Frame
    from ..items.images import Image
    from ..items.shapes import Shape
    from ..items.sticky_notes import StickyNote
    from ..items.texts import Text
    from .per_call import RequestTimeout


class ItemMethods:
    """The generated flat methods of ``ItemsFlat``, declared for type checkers."""

    if TYPE_CHECKING:

        def create_app_card_item(
            self,
            board_id: str,
            app_card_create_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> AppCard:
            """Create a app card item from a ``AppCardCreateRequest`` body."""

        def create_card_item(
            self,
            board_id: str,
            card_create_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Card:
            """Create a card item from a ``CardCreateRequest`` body."""

        def create_doc_format_item(
            self,
            board_id: str,
            doc_format_create_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> DocFormat:
            """Create a doc format item from a ``DocFormatCreateRequest`` body."""

        def create_document_item_using_file_from_device(
            self,
            board_id_platform_file_upload: str,
            resource: Any,
            data: Any = None,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Document:
            """Create a document item from a local file (``resource``: a path or (name, bytes))."""

        def create_document_item_using_url(
            self,
            board_id: str,
            document_create_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Document:
            """Create a document item from a ``DocumentCreateRequest`` body."""

        def create_embed_item(
            self,
            board_id: str,
            embed_create_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Embed:
            """Create a embed item from a ``EmbedCreateRequest`` body."""

        def create_frame_item(
            self,
            board_id: str,
            frame_create_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Frame:
            """Create a frame item from a ``FrameCreateRequest`` body."""

        def create_image_item_using_local_file(
            self,
            board_id_platform_file_upload: str,
            resource: Any,
            data: Any = None,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Image:
            """Create a image item from a local file (``resource``: a path or (name, bytes))."""

        def create_image_item_using_url(
            self,
            board_id: str,
            image_create_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Image:
            """Create a image item from a ``ImageCreateRequest`` body."""

        def create_shape_item(
            self,
            board_id: str,
            shape_create_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Shape:
            """Create a shape item from a ``ShapeCreateRequest`` body."""

        def create_sticky_note_item(
            self,
            board_id: str,
            sticky_note_create_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> StickyNote:
            """Create a sticky note item from a ``StickyNoteCreateRequest`` body."""

        def create_text_item(
            self,
            board_id: str,
            text_create_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Text:
            """Create a text item from a ``TextCreateRequest`` body."""

        def delete_app_card_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> object:
            """Delete a app card item."""

        def delete_card_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> object:
            """Delete a card item."""

        def delete_doc_format_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> object:
            """Delete a doc format item."""

        def delete_document_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> object:
            """Delete a document item."""

        def delete_embed_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> object:
            """Delete a embed item."""

        def delete_frame_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> object:
            """Delete a frame item."""

        def delete_image_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> object:
            """Delete a image item."""

        def delete_shape_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> object:
            """Delete a shape item."""

        def delete_sticky_note_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> object:
            """Delete a sticky note item."""

        def delete_text_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> object:
            """Delete a text item."""

        def get_app_card_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> AppCard:
            """Get a app card item."""

        def get_card_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Card:
            """Get a card item."""

        def get_doc_format_item(
            self,
            board_id: str,
            item_id: str,
            text_content_type: Optional[str] = None,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> DocFormat:
            """Get a doc format item."""

        def get_document_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Document:
            """Get a document item."""

        def get_embed_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Embed:
            """Get a embed item."""

        def get_frame_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Frame:
            """Get a frame item."""

        def get_image_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Image:
            """Get a image item."""

        def get_shape_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Shape:
            """Get a shape item."""

        def get_sticky_note_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> StickyNote:
            """Get a sticky note item."""

        def get_text_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Text:
            """Get a text item."""

        def update_app_card_item(
            self,
            board_id: str,
            item_id: str,
            app_card_update_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> AppCard:
            """Update a app card item from a ``AppCardUpdateRequest`` body."""

        def update_card_item(
            self,
            board_id: str,
            item_id: str,
            card_update_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Card:
            """Update a card item from a ``CardUpdateRequest`` body."""

        def update_document_item_using_file_from_device(
            self,
            board_id_platform_file_upload: str,
            item_id: str,
            resource: Any,
            data: Any = None,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Document:
            """Replace the file of a document item."""

        def update_document_item_using_url(
            self,
            board_id: str,
            item_id: str,
            document_update_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Document:
            """Update a document item from a ``DocumentUpdateRequest`` body."""

        def update_embed_item(
            self,
            board_id: str,
            item_id: str,
            embed_update_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Embed:
            """Update a embed item from a ``EmbedUpdateRequest`` body."""

        def update_frame_item(
            self,
            board_id: str,
            item_id: str,
            frame_update_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Frame:
            """Update a frame item from a ``FrameUpdateRequest`` body."""

        def update_image_item_using_file_from_device(
            self,
            board_id_platform_file_upload: str,
            item_id: str,
            resource: Any,
            data: Any = None,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Image:
            """Replace the file of a image item."""

        def update_image_item_using_url(
            self,
            board_id: str,
            item_id: str,
            image_update_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Image:
            """Update a image item from a ``ImageUpdateRequest`` body."""

        def update_shape_item(
            self,
            board_id: str,
            item_id: str,
            shape_update_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Shape:
            """Update a shape item from a ``ShapeUpdateRequest`` body."""

        def update_sticky_note_item(
            self,
            board_id: str,
            item_id: str,
            sticky_note_update_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> StickyNote:
            """Update a sticky note item from a ``StickyNoteUpdateRequest`` body."""

        def update_text_item(
            self,
            board_id: str,
            item_id: str,
            text_update_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Text:
            """Update a text item from a ``TextUpdateRequest`` body."""


class ExperimentalItemMethods:
    """The generated flat methods of ``ExperimentalFlat``, declared for type checkers."""

    if TYPE_CHECKING:

        def create_code_widget_item(
            self,
            board_id: str,
            code_widget_create_request: Any = None,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> CodeWidget:
            """Create a code widget item from a ``CodeWidgetCreateRequest`` body."""

        def create_mindmap_nodes_experimental(
            self,
            board_id: str,
            mindmap_create_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> MindmapNode:
            """Create a mindmap node item from a ``MindmapCreateRequest`` body."""

        def create_shape_item_flowchart(
            self,
            board_id: str,
            shape_create_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Shape:
            """Create a shape item from a ``ShapeCreateRequest`` body."""

        def delete_code_widget_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> object:
            """Delete a code widget item."""

        def delete_mindmap_node_experimental(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> object:
            """Delete a mindmap node item."""

        def delete_shape_item_flowchart(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> object:
            """Delete a shape item."""

        def get_code_widget_item(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> CodeWidget:
            """Get a code widget item."""

        def get_mindmap_node_experimental(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> MindmapNode:
            """Get a mindmap node item."""

        def get_shape_item_flowchart(
            self,
            board_id: str,
            item_id: str,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Shape:
            """Get a shape item."""

        def update_code_widget_item(
            self,
            board_id: str,
            item_id: str,
            code_widget_update_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> CodeWidget:
            """Update a code widget item from a ``CodeWidgetUpdateRequest`` body."""

        def update_shape_item_flowchart(
            self,
            board_id: str,
            item_id: str,
            shape_update_request: Any,
            _request_timeout: RequestTimeout = None,
            _request_auth: Optional[Dict[str, Any]] = None,
            _content_type: Optional[str] = None,
            _headers: Optional[Dict[str, Any]] = None,
            _host_index: int = 0,
        ) -> Shape:
            """Update a shape item from a ``ShapeUpdateRequest`` body."""
