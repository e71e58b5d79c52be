from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Dict

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from board_fixture import build  # noqa: E402


@pytest.fixture
def parts(api: Any) -> Dict[str, Any]:
    """The display test board on FakeMiro."""
    return build(api)
