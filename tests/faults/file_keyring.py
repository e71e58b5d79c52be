"""A keyring backend keeping passwords in a JSON file named by ``MIRO_TEST_KEYRING_FILE``:
a real backend (``keyring.backend.KeyringBackend``) that works on a machine without an OS
keyring, selectable in a subprocess with ``PYTHON_KEYRING_BACKEND``."""

from __future__ import annotations

import json
import os
from typing import Dict, Optional

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    """Passwords in a JSON file (tests only: nothing is encrypted)."""

    priority = 1  # type: ignore[assignment]

    def _path(self) -> str:
        return os.environ["MIRO_TEST_KEYRING_FILE"]

    def _load(self) -> Dict[str, str]:
        try:
            with open(self._path()) as handle:
                return dict(json.load(handle))
        except FileNotFoundError:
            return {}

    def _save(self, data: Dict[str, str]) -> None:
        with open(self._path(), "w") as handle:
            json.dump(data, handle)

    def get_password(self, service: str, username: str) -> Optional[str]:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError(username)
        self._save(data)
