"""The guide's user groups / board exports / audit logs example runs verbatim."""

import pathlib
import re

GUIDE = pathlib.Path(__file__).resolve().parents[2] / "docs" / "guides" / "organization.md"
TITLE = "## User groups, board exports, audit logs"


def test_guide_groups_exports_logs_example_runs(capsys):
    section = GUIDE.read_text().split(TITLE, 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    exec(compile(code, "docs/guides/organization.md (user groups, exports, logs)", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "addMembers Not members of the organization: nobody@example.com"
    assert printed[1] == "['bob@example.com']"  # the part of addMembers that succeeded
    assert printed[2] == "FINISHED ['SUCCESS']"
    assert "user_group_created Design" in printed
    assert printed[-1] == "1 board item changes"
