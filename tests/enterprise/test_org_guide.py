"""The organization guide's first example runs verbatim against FakeMiro."""

import pathlib
import re

GUIDE = pathlib.Path(__file__).resolve().parents[2] / "docs" / "guides" / "organization.md"


def test_guide_enterprise_example_runs(capsys):
    text = GUIDE.read_text()
    section = text.split("## Organizations, teams, projects", 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    exec(compile(code, "docs/guides/organization.md (Enterprise)", "exec"), {})
    printed = capsys.readouterr().out.split("\n")
    assert "ada@example.com full" in printed and "cyd@example.com full" in printed
