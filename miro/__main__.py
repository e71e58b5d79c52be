"""``python -m miro login``: authorize the app in the browser and keep the tokens.

The app's settings come from ``--client-id`` (or ``MIRO_CLIENT_ID``), ``MIRO_CLIENT_SECRET``
(never on the command line, where other users of the machine can read it) and
``--redirect-url`` (or ``MIRO_REDIRECT_URL``: a ``http://localhost:<port>/...`` URL
registered in the app). ``python -m miro --version`` prints the SDK's version. The
tokens go to a SQLite file (``--db``, default ``~/.miro/tokens.sqlite3``, created readable by
you only) under ``--key``, where ``Miro(storage=SQLiteStorage(db, key=...))`` finds them
later; or, with ``--keyring`` (extra ``miro[keyring]``), to the OS keyring, where
``Miro(storage=KeyringStorage(key=...))`` finds them.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, List, Optional, Tuple

from ._version import __version__

DEFAULT_DB = os.path.join("~", ".miro", "tokens.sqlite3")

# The help is plain text (argparse prints it verbatim), not the module's reStructuredText.
DESCRIPTION = """\
Command line tools of the miro SDK for the Miro REST API.

Run "python -m miro login --help" for the login options."""

LOGIN_DESCRIPTION = """\
Authorize your Miro app in the browser and store the tokens.

It serves a redirect on http://localhost:<port>/... (the MIRO_REDIRECT_URL registered
in your app), opens Miro's consent page, and keeps the tokens in a SQLite file, where
Miro(storage=SQLiteStorage(db, key=...)) finds them later, or with --keyring (extra
miro[keyring]) in the OS keyring, where Miro(storage=KeyringStorage(key)) finds them."""

LOGIN_ENVIRONMENT = """\
environment variables:
  MIRO_CLIENT_ID       default for --client-id (one of the two is required)
  MIRO_CLIENT_SECRET   your app's client secret (required; not an option, so that other
                       users of the machine cannot read it in the process list)
  MIRO_REDIRECT_URL    default for --redirect-url (one of the two is required)
  MIRO_TOKEN_DB        default for --db (else ~/.miro/tokens.sqlite3)
  MIRO_BASE_URL        default for --base-url (else https://api.miro.com)
  MIRO_AUTHORIZE_URL   default for --authorize-url (else Miro's consent page)"""


def main(argv: Optional[List[str]] = None) -> int:
    """Run the command line; returns the exit status."""
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="python -m miro", description=DESCRIPTION, formatter_class=raw
    )
    parser.add_argument("--version", action="version", version=f"miro {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")
    login = commands.add_parser(
        "login",
        help="authorize your Miro app in the browser and store its tokens",
        description=LOGIN_DESCRIPTION,
        epilog=LOGIN_ENVIRONMENT,
        formatter_class=raw,
    )
    login.add_argument("--client-id", default=None, help="your app's client id ($MIRO_CLIENT_ID)")
    login.add_argument(
        "--redirect-url",
        default=None,
        help="the app's redirect URL, http://localhost:<port>/... ($MIRO_REDIRECT_URL)",
    )
    login.add_argument(
        "--db",
        default=os.environ.get("MIRO_TOKEN_DB", DEFAULT_DB),
        help="SQLite file for the tokens (default: $MIRO_TOKEN_DB or %(default)s)",
    )
    login.add_argument("--key", default="default", help="whose tokens (default: %(default)s)")
    login.add_argument(
        "--base-url", default=None, help="API root, e.g. a FakeMiro's URL ($MIRO_BASE_URL)"
    )
    login.add_argument(
        "--authorize-url", default=None, help="consent page URL ($MIRO_AUTHORIZE_URL)"
    )
    login.add_argument(
        "--timeout", type=float, default=300.0, help="seconds to wait (default: %(default)s)"
    )
    login.add_argument(
        "--no-browser", action="store_true", help="print the consent URL, do not open it"
    )
    login.add_argument(
        "--keyring", action="store_true", help="keep the tokens in the OS keyring, not --db"
    )
    args = parser.parse_args(argv)

    from . import Miro
    from .errors import MiroError

    missing = _missing_settings(args)
    if missing:
        print(f"login failed: {missing}", file=sys.stderr)
        return 1
    path = os.path.expanduser(args.db)
    options = {
        name: value
        for name, value in (("base_url", args.base_url), ("authorize_url", args.authorize_url))
        if value
    }
    try:
        storage, where = _storage(args.keyring, path, args.key)
    except ImportError as exc:
        print(f"login failed: {exc}", file=sys.stderr)
        return 1
    try:
        miro = Miro(args.client_id, None, args.redirect_url, storage, **options)
        state = miro.login(
            open_browser=(lambda url: None) if args.no_browser else None, timeout=args.timeout
        )
    except MiroError as exc:
        print(f"login failed: {exc}", file=sys.stderr)
        return 1
    print(
        f"Authorized user {state.user_id} in team {state.team_id}; tokens stored in {where} "
        f"under key {args.key!r}."
    )
    return 0


def _missing_settings(args: argparse.Namespace) -> str:
    """What the command line lacks to build the client, said in its own terms ("" if none)."""
    for value, variable, option in (
        (args.client_id, "MIRO_CLIENT_ID", "--client-id"),
        (None, "MIRO_CLIENT_SECRET", ""),
        (args.redirect_url, "MIRO_REDIRECT_URL", "--redirect-url"),
    ):
        if not (value or os.environ.get(variable, "").strip()):
            what = variable[5:].lower().replace("_", " ")
            advice = f"pass {option} or set {variable}" if option else f"set {variable}"
            return f"your app's {what} is missing: {advice}"
    return ""


def _storage(use_keyring: bool, path: str, key: str) -> Tuple[Any, str]:
    """The storage the tokens go to, and how to name it to the user."""
    from .storage import KeyringStorage, SQLiteStorage

    if use_keyring:
        return KeyringStorage(key), "the OS keyring"
    return SQLiteStorage(path, key=key), path  # the file 0600, new folders 0700


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
