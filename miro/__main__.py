"""``python -m miro login``: authorize the app in the browser and keep the tokens.

The app's settings come from ``MIRO_CLIENT_ID``, ``MIRO_CLIENT_SECRET`` and
``MIRO_REDIRECT_URL`` (a ``http://localhost:<port>/...`` URL registered in the app). The
tokens go to a SQLite file (``--db``, default ``~/.miro/tokens.sqlite3``) under ``--key``,
where ``Miro(storage=SQLiteStorage(db, key=...))`` finds them later.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import List, Optional

DEFAULT_DB = os.path.join("~", ".miro", "tokens.sqlite3")


def main(argv: Optional[List[str]] = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m miro", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    login = commands.add_parser("login", help="authorize the app and store the tokens")
    login.add_argument("--db", default=os.environ.get("MIRO_TOKEN_DB", DEFAULT_DB))
    login.add_argument("--key", default="default", help="whose tokens (default: default)")
    login.add_argument("--base-url", default=None, help="API root (e.g. a FakeMiro's URL)")
    login.add_argument("--authorize-url", default=None, help="consent page URL")
    login.add_argument("--timeout", type=float, default=300.0)
    login.add_argument("--no-browser", action="store_true", help="only print the URL")
    args = parser.parse_args(argv)

    from . import Miro, SQLiteStorage
    from .errors import MiroError

    path = os.path.expanduser(args.db)
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    options = {
        name: value
        for name, value in (("base_url", args.base_url), ("authorize_url", args.authorize_url))
        if value
    }
    try:
        miro = Miro(storage=SQLiteStorage(path, key=args.key), **options)
        state = miro.login(
            open_browser=(lambda url: None) if args.no_browser else None, timeout=args.timeout
        )
    except MiroError as exc:
        print(f"login failed: {exc}", file=sys.stderr)
        return 1
    print(
        f"Authorized user {state.user_id} in team {state.team_id}; tokens stored in {path} "
        f"under key {args.key!r}."
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
