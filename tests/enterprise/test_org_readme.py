"""The README's Enterprise example runs verbatim against FakeMiro."""

import pathlib
import re

README = pathlib.Path(__file__).resolve().parents[2] / "README.md"


def test_readme_enterprise_example_runs(capsys):
    text = README.read_text()
    section = text.split("## Enterprise: organizations, teams, projects", 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    exec(compile(code, "README.md (Enterprise)", "exec"), {})
    printed = capsys.readouterr().out.split("\n")
    assert "ada@example.com full" in printed and "cyd@example.com full" in printed
