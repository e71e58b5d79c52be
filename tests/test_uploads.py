"""Images and documents from local files: multipart as the spec describes, limits checked."""

import io
import json
import struct
import zlib

import pytest

import miro
from miro.items import Upload
from miro.items.uploads import MAX_UPLOAD_BYTES


def png_bytes(width=4, height=3):
    """A real, valid PNG."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


@pytest.fixture
def board(api):
    return api.boards.create(name="Uploads")


@pytest.fixture
def files(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(png_bytes())
    spec = tmp_path / "spec.pdf"
    spec.write_bytes(PDF)
    return logo, spec


def _multipart(exchange):
    content_type = exchange.request_headers.get("Content-Type") or exchange.request_headers.get(
        "content-type"
    )
    assert content_type.startswith("multipart/form-data; boundary=")
    return exchange.request_body


def test_image_and_pdf_uploaded_from_disk(fake, board, files):
    logo, spec = files
    image = board.items.images.upload(logo, title="Logo", alt_text="red", x=10, y=20, width=400)
    assert isinstance(image, miro.Image) and image.data.title == "Logo" and image.position.x == 10
    body = _multipart(fake.exchanges[-1])
    assert b'name="resource"; filename="logo.png"' in body and png_bytes() in body
    assert b'"altText":"red"' in body
    document = board.items.documents.upload(str(spec), title="Spec", height=300)
    assert isinstance(document, miro.Document) and document.data.title == "Spec"
    assert b'filename="spec.pdf"' in _multipart(fake.exchanges[-1])
    assert {i.id for i in board.items} == {image.id, document.id}


def test_upload_from_file_object_and_bytes_and_replace(fake, board, files):
    logo, spec = files
    with open(logo, "rb") as handle:
        image = board.items.images.upload(handle)
    assert image.data.title in (None, "logo.png")
    again = board.items.images.upload(png_bytes(8, 8), filename="big.png", title="big")
    assert again.data.title == "big"
    image.replace_file(io.BytesIO(png_bytes(2, 2)), filename="small.png", title="small")
    assert image.data.title == "small"
    assert fake.exchanges[-1].method == "PATCH"


def test_upload_limits_are_checked_before_sending(fake, board, tmp_path):
    huge = tmp_path / "huge.png"
    huge.write_bytes(b"\0" * (MAX_UPLOAD_BYTES + 1))
    fake.clear_exchanges()
    with pytest.raises(ValueError, match="up to 6 MB"):
        board.items.images.upload(huge)
    with pytest.raises(ValueError, match="no such file"):
        board.items.images.upload(tmp_path / "missing.png")
    with pytest.raises(TypeError, match="give filename="):
        board.items.images.upload(b"\x89PNG")
    with pytest.raises(ValueError, match="width or height, not both"):
        board.items.images.upload(png_bytes(), filename="a.png", width=1, height=1)
    with pytest.raises(TypeError, match="alt_text"):
        board.items.documents.upload(PDF, filename="a.pdf", alt_text="x")
    with pytest.raises(TypeError, match="cannot be created from a file"):
        board.items.shapes.upload(png_bytes(), filename="a.png")
    assert fake.exchanges == []


def test_bulk_upload_from_files(fake, board, files):
    logo, spec = files
    created = board.items.upload_many(
        [Upload(logo, title="logo", x=0), Upload(spec, title="spec", x=500), logo]
    )
    assert [type(i) for i in created] == [miro.Image, miro.Document, miro.Image]
    (post,) = [e for e in fake.exchanges if e.path.endswith("/items/bulk")]
    body = _multipart(post)
    assert body.count(b'name="resources"') == 3 and b'name="data"; filename="data.json"' in body


def test_flat_upload_methods(fake, api, board, files):
    logo, spec = files
    image = api.create_image_item_using_local_file(board.id, str(logo), {"title": "flat"})
    assert image.data.title == "flat"
    image = api.update_image_item_using_file_from_device(
        board.id, image.id, ("new.png", png_bytes()), {"title": "new"}
    )
    assert image.data.title == "new"
    document = api.create_document_item_using_file_from_device(
        board_id_platform_file_upload=board.id, resource=str(spec)
    )
    assert isinstance(document, miro.Document)
    api.update_document_item_using_file_from_device(
        board.id, document.id, str(spec), {"title": "v2"}
    )
    description = [
        {"type": "image", "title": "a"},
        {"type": "document", "title": "b", "position": {"x": 1, "y": 2}},
    ]
    created = api.create_items_in_bulk_using_file_from_device(
        board.id, json.dumps(description), [str(logo), str(spec)]
    )
    assert [i.type for i in created.data] == ["image", "document"]
