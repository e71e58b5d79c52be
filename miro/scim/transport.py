"""Where SCIM lives (its base URL) and how it is spoken: the shared transport, asking for
SCIM JSON and reading SCIM error bodies."""

from __future__ import annotations

import os
from typing import Any, Dict, Optional

from ..core.transport import Transport
from ..errors import ApiError
from .collections import SCIM_JSON

DEFAULT_SCIM_BASE_URL = "https://miro.com/api/v1/scim"


def default_scim_base_url(rest_base_url: Optional[str] = None) -> str:
    """``MIRO_SCIM_BASE_URL`` when set; else SCIM beside a non-default REST base URL (a
    FakeMiro serves SCIM under ``/api/v1/scim``); else Miro's SCIM service."""
    configured = os.environ.get("MIRO_SCIM_BASE_URL")
    if configured:
        return configured
    if rest_base_url and "api.miro.com" not in rest_base_url:
        return rest_base_url.rstrip("/") + "/api/v1/scim"
    return DEFAULT_SCIM_BASE_URL


class ScimTransport(Transport):
    """The shared transport, asking for SCIM JSON and reading SCIM error bodies."""

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        """Send one SCIM call (see :meth:`Transport.request`); errors carry ``scimType``."""
        headers = {
            "Accept": f"{SCIM_JSON}, application/json",
            **(kwargs.pop("headers", None) or {}),
        }
        try:
            return super().request(method, path, headers=headers, **kwargs)
        except ApiError as error:
            data = getattr(error, "data", None)  # the parsed JSON (error.body is its text)
            body: Dict[str, Any] = data if isinstance(data, dict) else {}
            if error.code is None and body.get("scimType"):
                error.code = str(body["scimType"])
            raise
