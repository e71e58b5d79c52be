"""Runs one program of this directory: ``python run.py PROGRAM CONFIG.json OUT.json``.

Either client may be first on ``PYTHONPATH``; the program's ``main(token, host)`` result
(or what it raised) is written as comparable JSON.
"""

import datetime
import enum
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def plain(value, times=False):
    """A result as comparable JSON: enums by value (tagged), datetimes and dates tagged
    (with their value when ``times``)."""
    if isinstance(value, dict):
        return {str(k): plain(v, times) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v, times) for v in value]
    if isinstance(value, enum.Enum):
        return {"$enum": value.value}
    if isinstance(value, (datetime.datetime, datetime.date)):
        kind = "$datetime" if isinstance(value, datetime.datetime) else "$date"
        return {kind: value.isoformat() if times else "<time>"}
    return value


def official_name(exc):
    """The exception's class among the official ones (``NotFoundException`` …)."""
    for cls in type(exc).__mro__:
        if cls.__module__ in ("miro_api.exceptions", "miro._official_errors"):
            return cls.__name__
    return type(exc).__name__


def main(program, config_path, out_path):
    config = json.loads(Path(config_path).read_text())
    spec = importlib.util.spec_from_file_location(program, HERE / f"{program}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    try:
        result = {"returned": plain(module.main(config["token"], config["url"]))}
    except Exception as exc:  # noqa: BLE001 - what was raised is the result
        result = {"raised": official_name(exc), "status": getattr(exc, "status", None)}
    Path(out_path).write_text(json.dumps(result, default=repr))


if __name__ == "__main__":
    main(*sys.argv[1:])
