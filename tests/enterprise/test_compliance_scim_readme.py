"""The README's compliance and SCIM examples run verbatim against FakeMiro."""

import pathlib
import re

import pytest

README = pathlib.Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.parametrize(
    "title, expected",
    [
        ("## Enterprise: data classification, legal holds, sessions", ["Confidential", "1"]),
        ("## SCIM provisioning", ["True"]),
    ],
)
def test_readme_example_runs(capsys, title, expected):
    section = README.read_text().split(title, 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    exec(compile(code, f"README.md ({title[3:]})", "exec"), {})
    printed = capsys.readouterr().out.split("\n")
    for line in expected:
        assert any(p.split("  #")[0].strip() == line for p in printed), (line, printed)
