"""examples/explore_board.ipynb runs in a real Jupyter kernel, and its outputs hold the SVG
sketch, the HTML reprs and the DataFrame.

Needs the ``notebook`` extra (nbclient, nbformat, ipykernel); skips without it, unless
``MIRO_REQUIRE_NOTEBOOK`` is set (CI), where it fails instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "explore_board.ipynb"


def _require(module: str):
    try:
        return pytest.importorskip(module)
    except pytest.skip.Exception:
        if os.environ.get("MIRO_REQUIRE_NOTEBOOK"):
            pytest.fail(
                f"{module} is missing: install the notebook extra (pip install -e '.[notebook]')"
            )
        raise


def test_the_notebook_runs_and_shows_svg_html_and_a_dataframe(tmp_path):
    nbformat = _require("nbformat")
    nbclient = _require("nbclient")
    _require("ipykernel")
    _require("pandas")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
    client = nbclient.NotebookClient(
        notebook,
        timeout=180,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()  # raises CellExecutionError on any error
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    svgs = [o["data"]["image/svg+xml"] for o in outputs if "image/svg+xml" in o.get("data", {})]
    htmls = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert len(svgs) == 3 and all(s.lstrip().startswith("<svg") for s in svgs)
    assert 'class="item frame"' in svgs[0] and 'class="connector"' in svgs[0]
    assert any("Sprint 42 retro" in h and "miro-repr" in h for h in htmls)  # the board
    assert any("Paginator" in h for h in htmls)
    assert any("dataframe" in h and "absolute_x" in h for h in htmls)  # pandas' table
    assert any("SnapshotDiff: no differences" in h for h in htmls)
    assert not list(tmp_path.iterdir()), "the notebook wrote into its working directory"
