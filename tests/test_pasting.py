"""tests/pasting.py: a block pasted at the ``>>>`` prompt fails where the prompt would."""

import pytest
from pasting import PasteError, paste


def test_a_block_that_pastes_cleanly_runs_in_the_namespace():
    scope = paste("total = 0\nfor i in range(3):\n    total += i\n\nprint(total)\n", {})
    assert scope["total"] == 3


@pytest.mark.parametrize(
    "block, line, error",
    [
        ("with open('/dev/null') as f:\n    a = 1\n\n    b = 2\n", 14, "IndentationError"),
        ("for i in range(2):\n    pass\nafter = 1\n", 13, "SyntaxError"),
        ("x = 1\ny = x / 0\n", 12, "ZeroDivisionError"),
    ],
)
def test_the_first_failing_line_is_named_as_the_prompt_shows_it(block, line, error):
    with pytest.raises(PasteError, match=error) as caught:
        paste(block, {}, filename="page.md", first_line=11)
    assert caught.value.line == line and f"page.md:{line}" in str(caught.value)
