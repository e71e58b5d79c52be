"""Faults on the answer itself, and random storms: what a flaky network or proxy does.

``server.Fault`` (``FakeMiro.fail_next``) answers *instead of* Miro. These act on the
answer Miro *did* produce, after the request was carried out (so the work is done but
the client cannot tell), or hit a random share of calls:

* ``cut``: the request is carried out, then the connection closes without an answer.
* ``truncate``: the answer's headers promise the whole body; half of it is sent, then the
  connection closes.
* ``invalid_json``: the answer keeps its status but its body is cut short (a complete,
  shorter answer whose JSON does not parse).
* ``html``: the status is kept, the body is a proxy's HTML error page.
* ``null``: the status is kept, the body is JSON ``null``.
* ``bad_element``: one element of the answer's ``data`` list loses its shape (its
  ``data``, ``position`` and ``createdAt`` become values of the wrong type).
* ``drip``: the answer's body arrives a few bytes at a time, ``seconds`` apart.

A :class:`Storm` answers a random share of matching calls (seeded, so reproducible) with
500 or 429 before carrying them out. Every such answer carries ``X-FakeMiro-Fault``.
"""

from __future__ import annotations

import dataclasses
import json
import random
import socket
import threading
import time
from typing import Any, Dict, List, Optional, Sequence, Tuple

from .errors import error_body

KINDS = ("cut", "truncate", "invalid_json", "html", "null", "bad_element", "drip")
FAULT_HEADER = "X-FakeMiro-Fault"
HTML_PAGE = (
    b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
    b"<body><h1>502 Bad Gateway</h1><p>The proxy could not reach the server.</p></body></html>"
)


@dataclasses.dataclass
class AnswerFault:
    """A fault applied to the next ``times`` matching answers (after ``after`` pass)."""

    kind: str
    times: int = 1
    path: Optional[str] = None
    method: Optional[str] = None
    after: int = 0
    seconds: float = 0.2

    def matches(self, method: str, path: str) -> bool:
        """Whether this fault applies to a request."""
        return (self.method is None or self.method.upper() == method) and (
            self.path is None or path.startswith(self.path)
        )


@dataclasses.dataclass
class Storm:
    """A random share ``rate`` of matching calls is answered with one of ``statuses``."""

    rate: float
    statuses: Sequence[int]
    seed: int
    path: Optional[str] = None
    method: Optional[str] = None
    hits: int = 0
    random: Any = None

    def __post_init__(self) -> None:
        self.random = random.Random(self.seed)

    def strike(self, method: str, path: str) -> Optional[int]:
        """The status to answer this call with, or None to let it through."""
        if self.method is not None and self.method.upper() != method:
            return None
        if self.path is not None and not path.startswith(self.path):
            return None
        if self.random.random() >= self.rate:
            return None
        self.hits += 1
        return int(self.random.choice(list(self.statuses)))


_LOCK = threading.Lock()


def answer_faults(server: Any) -> List[AnswerFault]:
    """The answer faults pending on ``server`` (created on first use)."""
    with _LOCK:
        if not hasattr(server, "answer_faults"):
            server.answer_faults = []
            server.storms = []
        return server.answer_faults


def storms(server: Any) -> List[Storm]:
    """The storms raging on ``server``."""
    answer_faults(server)
    return server.storms


def take(server: Any, method: str, path: str) -> Optional[AnswerFault]:
    """The answer fault this request triggers, if any (consuming one use)."""
    pending = getattr(server, "answer_faults", None)
    if not pending:
        return None
    with server.lock:
        for fault in pending:
            if fault.matches(method, path):
                if fault.after > 0:
                    fault.after -= 1
                    return None
                fault.times -= 1
                if fault.times <= 0:
                    pending.remove(fault)
                return fault
    return None


def storm_answer(
    server: Any, method: str, path: str
) -> Optional[Tuple[int, Dict[str, str], bytes]]:
    """A storm's answer for this request (before it is carried out), or None."""
    raging = getattr(server, "storms", None)
    if not raging or path.startswith("/v1/oauth"):
        return None
    with server.lock:
        for storm in raging:
            status = storm.strike(method, path)
            if status is not None:
                headers = {FAULT_HEADER: "storm"}
                if status == 429:
                    headers["Retry-After"] = "0"
                code = "tooManyRequests" if status == 429 else "internalError"
                body = json.dumps(error_body(status, code, "Injected storm")).encode()
                return status, headers, body
    return None


def mangle(fault: AnswerFault, payload: bytes) -> Tuple[bytes, Dict[str, str]]:
    """The body (and headers) a body-changing fault sends instead of ``payload``."""
    if fault.kind == "html":
        return HTML_PAGE, {"Content-Type": "text/html"}
    if fault.kind == "null":
        return b"null", {"Content-Type": "application/json"}
    if fault.kind == "invalid_json":
        return payload[: max(1, len(payload) // 2)], {"Content-Type": "application/json"}
    if fault.kind == "bad_element":
        return _bad_element(payload), {"Content-Type": "application/json"}
    return payload, {}


def _bad_element(payload: bytes) -> bytes:
    try:
        body = json.loads(payload)
    except ValueError:
        return payload
    elements = body.get("data") if isinstance(body, dict) else None
    if isinstance(elements, list) and elements:
        victim = elements[len(elements) // 2]
        if isinstance(victim, dict):
            victim.update(
                {"data": "not an object", "position": 7, "createdAt": ["not", "a", "date"]}
            )
    return json.dumps(body, separators=(",", ":")).encode()


def write(
    handler: Any, fault: AnswerFault, status: int, headers: Dict[str, str], payload: bytes
) -> bool:
    """Send the faulty answer through ``handler``; True when the connection was dropped."""
    if fault.kind == "cut":
        _drop(handler)
        return True
    handler.send_response(status)
    for key, value in headers.items():
        handler.send_header(key, value)
    handler.end_headers()
    if fault.kind == "truncate":
        handler.wfile.write(payload[: len(payload) // 2])
        handler.wfile.flush()
        _drop(handler)
        return True
    if fault.kind == "drip":
        try:
            for start in range(0, len(payload), 8):
                handler.wfile.write(payload[start : start + 8])
                handler.wfile.flush()
                time.sleep(fault.seconds)
        except OSError:  # the client gave up waiting
            handler.close_connection = True
            return True
        return False
    if payload:
        handler.wfile.write(payload)
    return False


def _drop(handler: Any) -> None:
    handler.close_connection = True
    try:
        handler.wfile.flush()
        handler.connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
