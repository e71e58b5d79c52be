"""The README's user groups / board exports / audit logs example runs verbatim."""

import pathlib
import re

README = pathlib.Path(__file__).resolve().parents[2] / "README.md"
TITLE = "## Enterprise: user groups, board exports, audit logs"


def test_readme_groups_exports_logs_example_runs(capsys):
    section = README.read_text().split(TITLE, 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    exec(compile(code, "README.md (user groups, exports, logs)", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "addMembers Not members of the organization: nobody@example.com"
    assert printed[1] == "['bob@example.com']"  # the part of addMembers that succeeded
    assert printed[2] == "FINISHED ['SUCCESS']"
    assert "user_group_created Design" in printed
    assert printed[-1] == "1 board item changes"
