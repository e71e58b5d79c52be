"""Every flat method carries full annotations, and type checkers see the generated item
methods too: ``miro/compat/_item_methods.py`` declares them (under ``TYPE_CHECKING``) and
must match what :func:`miro.compat.items.install` builds at import time.

Regenerate the declarations after changing an item type or ``install``::

    MIRO_WRITE_ITEM_METHODS=1 python -m pytest tests/test_official_annotations.py
"""

import inspect
import os
import pathlib
import subprocess
import sys
import textwrap
import typing
from typing import Any, Dict, List, Optional

import pytest

import miro
from miro.compat import per_call
from miro.compat.experimental import ExperimentalFlat
from miro.compat.items import ItemsFlat
from miro.core.registry import operations

DECLARATIONS = pathlib.Path(miro.__file__).parent / "compat" / "_item_methods.py"
TARGETS = {"ItemMethods": ItemsFlat, "ExperimentalItemMethods": ExperimentalFlat}
NAMES = {
    per_call.RequestTimeout: "RequestTimeout",
    Optional[Dict[str, Any]]: "Optional[Dict[str, Any]]",
    Optional[str]: "Optional[str]",
    Any: "Any",
    str: "str",
    int: "int",
    None: "None",
    object: "object",
}


def type_name(annotation: Any, imports: Dict[str, set]) -> str:
    for known, name in NAMES.items():
        if annotation is known or (annotation == known and type(annotation) is type(known)):
            return name
    assert inspect.isclass(annotation), f"no source spelling for {annotation!r}"
    module = annotation.__module__.replace("miro.", "..", 1)
    imports.setdefault(module, set()).add(annotation.__name__)
    return annotation.__name__


def generated_methods(cls: type) -> List[Any]:
    return sorted(
        (m for m in vars(cls).values() if getattr(m, "generated", False)),
        key=lambda m: m.__name__,
    )


def render() -> str:
    imports: Dict[str, set] = {".per_call": {"RequestTimeout"}}
    classes = []
    for class_name, target in TARGETS.items():
        defs = []
        for method in generated_methods(target):
            signature = inspect.signature(method)
            lines = ["self,"]
            for param in list(signature.parameters.values())[1:]:
                kind = type_name(param.annotation, imports)
                default = "" if param.default is param.empty else f" = {param.default!r}"
                lines.append(f"{param.name}: {kind}{default},")
            returns = type_name(signature.return_annotation, imports)
            body = textwrap.indent("\n".join(lines), " " * 12)
            defs.append(
                f"        def {method.__name__}(\n{body}\n        ) -> {returns}:\n"
                f'            """{method.__doc__}"""\n'
            )
        classes.append(
            f"class {class_name}:\n"
            f'    """The generated flat methods of ``{target.__name__}``, declared for type '
            'checkers."""\n\n'
            "    if TYPE_CHECKING:\n" + "\n".join(defs)
        )
    imported = "".join(
        f"    from {module} import {', '.join(sorted(names))}\n"
        for module, names in sorted(imports.items())
    )
    return (
        '"""Declarations, for type checkers and editors, of the flat item methods that\n'
        ":func:`miro.compat.items.install` generates at import time (they do not exist at run\n"
        "time: ``install`` adds the real ones). Generated: edit the item declarations, then run\n"
        "``MIRO_WRITE_ITEM_METHODS=1 python -m pytest tests/test_official_annotations.py``.\n"
        '"""\n\n'
        "from __future__ import annotations\n\n"
        "from typing import TYPE_CHECKING, Any, Dict, Optional\n\n"
        "if TYPE_CHECKING:\n"
        f"{imported}\n\n" + "\n\n".join(classes)
    )


def formatted(source: str) -> str:
    ruff = pathlib.Path(sys.executable).with_name("ruff")
    if not ruff.exists():
        pytest.skip("ruff is not installed (the lint extra)")
    done = subprocess.run(
        [str(ruff), "format", "--stdin-filename", str(DECLARATIONS), "-"],
        input=source,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.mark.generated
def test_the_declarations_generator_gives_the_same_file_under_any_hash_seed():
    from test_imports import HASH_SEEDS, rendered_under

    texts = {
        seed: rendered_under(seed, "test_official_annotations", "m.render()") for seed in HASH_SEEDS
    }
    assert len(set(texts.values())) == 1, sorted(texts)
    assert formatted(texts["0"]) == DECLARATIONS.read_text()


@pytest.mark.generated
def test_the_declarations_match_the_generated_methods():
    expected = formatted(render())
    if os.environ.get("MIRO_WRITE_ITEM_METHODS"):
        DECLARATIONS.write_text(expected)
    assert DECLARATIONS.read_text() == expected, (
        "miro/compat/_item_methods.py is stale: run "
        "MIRO_WRITE_ITEM_METHODS=1 python -m pytest tests/test_official_annotations.py"
    )


def test_every_flat_method_is_fully_annotated():
    missing = []
    for op in operations():
        method = getattr(miro.MiroApi, op.flat_name)
        signature = inspect.signature(method)
        if signature.return_annotation is signature.empty:
            missing.append(f"{op.flat_name} -> ?")
        missing += [
            f"{op.flat_name}({p.name})"
            for p in list(signature.parameters.values())[1:]
            if p.annotation is p.empty
        ]
    assert missing == []


def test_generated_methods_resolve_their_types_at_run_time():
    from miro.items.sticky_notes import StickyNote

    hints = typing.get_type_hints(miro.MiroApi.create_sticky_note_item)
    assert hints["return"] is StickyNote and hints["board_id"] is str
    assert hints["_request_timeout"] == per_call.RequestTimeout
    # Typed ``object`` as the official client types it (it returns "" on the empty answer).
    assert typing.get_type_hints(miro.MiroApi.delete_card_item)["return"] is object
    assert len(generated_methods(ItemsFlat)) + len(generated_methods(ExperimentalFlat)) >= 47


def test_mypy_sees_the_generated_methods(tmp_path):
    mypy = pathlib.Path(sys.executable).with_name("mypy")
    if not mypy.exists():
        pytest.skip("mypy is not installed (the lint extra)")
    program = tmp_path / "uses_flat_methods.py"
    program.write_text(
        textwrap.dedent(
            """
            from miro import MiroApi

            api = MiroApi("token")
            note = api.create_sticky_note_item("b", {"data": {"content": "x"}}, _headers={})
            reveal_type(note)
            reveal_type(api.get_frame_item("b", "1", _request_timeout=(1.0, 2.0)))
            reveal_type(api.delete_text_item("b", "1"))
            api.get_card_item("b")
            api.create_image_item_using_local_file("b", "x.png", _request_timeout="slow")
            """
        )
    )
    root = pathlib.Path(miro.__file__).parents[1]
    done = subprocess.run(  # in the project, so its config and (warm) cache are used
        [str(mypy), str(program)], capture_output=True, text=True, cwd=root
    )
    out = done.stdout
    assert 'Revealed type is "miro.items.sticky_notes.StickyNote"' in out, out
    assert 'Revealed type is "miro.items.frames.Frame"' in out, out
    assert 'Revealed type is "builtins.object"' in out or 'Revealed type is "object"' in out, out
    assert 'Missing positional argument "item_id" in call to "get_card_item"' in out, out
    assert 'Argument "_request_timeout" to "create_image_item_using_local_file"' in out, out
