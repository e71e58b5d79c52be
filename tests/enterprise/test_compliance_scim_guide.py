"""The compliance and SCIM examples of the guides run verbatim against FakeMiro."""

import pathlib
import re

import pytest

GUIDES = pathlib.Path(__file__).resolve().parents[2] / "docs" / "guides"


@pytest.mark.parametrize(
    "page, title, expected",
    [
        ("organization.md", "## Data classification, legal holds, sessions", ["Confidential", "1"]),
        ("scim.md", "# SCIM provisioning", ["True"]),
    ],
)
def test_guide_example_runs(capsys, page, title, expected):
    section = (GUIDES / page).read_text().split(title, 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    exec(compile(code, f"docs/guides/{page} ({title.lstrip('# ')})", "exec"), {})
    printed = capsys.readouterr().out.split("\n")
    for line in expected:
        assert any(p.split("  #")[0].strip() == line for p in printed), (line, printed)
