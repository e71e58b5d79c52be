"""The official client's plumbing names: ``Configuration``, ``ApiClient``, ``RESTResponse``.

Only what code written for the official ``miro_api`` touches: its wrapper sends OAuth token
requests through ``ApiClient.call_api`` (so tests patch that method), and people read or set
``Configuration.host``/``access_token``. :class:`miro.Miro` sends its token requests through
:meth:`ApiClient.call_api` for the same reason. The endpoint methods themselves do not go
through here: they use :class:`miro.core.transport.Transport`.
"""

from __future__ import annotations

import copy
import json
from typing import Any, Dict, Mapping, Optional
from urllib.parse import urlencode

from .._version import __version__
from ..core.transport import (
    DEFAULT_TIMEOUT,
    RawAnswer,
    TimeoutSetting,
    Transport,
    check_base_url,
    raw_request,
)
from ..errors import InvalidArgument

DEFAULT_HOST = "https://api.miro.com"


class Configuration:
    """Settings of the official client: ``host`` (the API root) and ``access_token``.

    The other official settings are accepted and kept, unused: this SDK's ``MiroApi``
    takes its own arguments (``base_url``, ``timeout`` …). The access token never shows
    in the repr.
    """

    _default: Optional[Configuration] = None

    def __init__(
        self,
        host: Optional[str] = None,
        api_key: Optional[Dict[str, str]] = None,
        api_key_prefix: Optional[Dict[str, str]] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
        access_token: Optional[str] = None,
        server_index: Optional[int] = None,
        server_variables: Optional[Dict[str, str]] = None,
        server_operation_index: Optional[Dict[str, int]] = None,
        server_operation_variables: Optional[Dict[str, Dict[str, str]]] = None,
        ssl_ca_cert: Optional[str] = None,
    ) -> None:
        self._host = (host or DEFAULT_HOST).rstrip("/")
        self.api_key = dict(api_key or {})
        self.api_key_prefix = dict(api_key_prefix or {})
        self.username = username
        self.password = password
        self.access_token = access_token
        self.server_index = server_index
        self.server_variables = dict(server_variables or {})
        self.server_operation_index = dict(server_operation_index or {})
        self.server_operation_variables = dict(server_operation_variables or {})
        self.ssl_ca_cert = ssl_ca_cert
        self.verify_ssl = True
        self.cert_file: Optional[str] = None
        self.key_file: Optional[str] = None
        self.proxy: Optional[str] = None
        self.proxy_headers: Optional[Dict[str, str]] = None
        self.client_side_validation = True
        self.retries: Optional[int] = None
        self.debug = False

    def __repr__(self) -> str:
        return f"Configuration(host={self.host!r})"

    @property
    def host(self) -> str:
        """The API root requests go to."""
        return self._host

    @host.setter
    def host(self, value: str) -> None:
        self._host = value

    @classmethod
    def set_default(cls, default: Optional[Configuration]) -> None:
        """Make ``default`` (a copy of it) what :meth:`get_default` returns."""
        cls._default = copy.deepcopy(default)

    @classmethod
    def get_default(cls) -> Configuration:
        """The default configuration (created on first use)."""
        if cls._default is None:
            cls._default = Configuration()
        return cls._default

    @classmethod
    def get_default_copy(cls) -> Configuration:
        """A copy of the default configuration (the official client's older name)."""
        return copy.deepcopy(cls.get_default())

    def get_host_settings(self) -> list:
        """The servers of the API (one: ``https://api.miro.com``)."""
        return [{"url": DEFAULT_HOST, "description": "No description provided"}]

    def auth_settings(self) -> Dict[str, Any]:
        """The authentication this configuration carries (a bearer token, if set)."""
        if not self.access_token:
            return {}
        return {
            "bearerAuth": {
                "type": "bearer",
                "in": "header",
                "key": "Authorization",
                "value": f"Bearer {self.access_token}",
            }
        }


SOCKS_PROXY_SCHEMES = frozenset({"socks5", "socks5h", "socks4", "socks4a"})


def is_socks_proxy_url(url: Optional[str]) -> bool:
    """Whether ``url`` is a SOCKS proxy's URL (``socks5://…``)."""
    if url is None or "://" not in url:
        return False
    return url.split("://")[0].lower() in SOCKS_PROXY_SCHEMES


class ApiResponse:
    """The official ``ApiResponse``: ``status_code``, ``headers``, ``data``, ``raw_data``."""

    def __init__(
        self,
        status_code: int,
        data: Any,
        raw_data: bytes,
        headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        self.status_code = status_code
        self.headers = headers
        self.data = data
        self.raw_data = raw_data

    def __repr__(self) -> str:
        return f"ApiResponse(status_code={self.status_code})"


class RESTResponse:
    """An HTTP answer as the official client hands it over: ``status``, ``reason``,
    ``data`` (bytes), ``read()``, ``getheaders()``, ``getheader(name)``."""

    def __init__(self, answer: RawAnswer) -> None:
        self.response = answer
        self.status = answer.status
        self.reason = answer.reason
        self.data: bytes = answer.content

    def read(self) -> bytes:
        """The body, as bytes."""
        return self.data

    def getheaders(self) -> Mapping[str, str]:
        """Every response header."""
        return self.response.headers

    def getheader(self, name: str, default: Optional[str] = None) -> Optional[str]:
        """One response header (any case), or ``default``."""
        return self.response.headers.get(name, default)


class RESTClientObject:
    """Sends one request as the official client's REST layer does (JSON, form or raw body)."""

    def __init__(self, configuration: Optional[Configuration] = None) -> None:
        self.configuration = configuration or Configuration.get_default()

    def request(
        self,
        method: str,
        url: str,
        headers: Optional[Mapping[str, str]] = None,
        body: Any = None,
        post_params: Any = None,
        _request_timeout: TimeoutSetting = None,
    ) -> RESTResponse:
        """Send the request; the answer comes back whatever its status (no exception)."""
        if post_params and body is not None:
            raise InvalidArgument("body cannot be used with post_params")
        send = dict(headers or {})
        content_type = send.get("Content-Type", "")
        data: Any = None
        if post_params:
            data = urlencode(list(dict(post_params).items()))
            send.setdefault("Content-Type", "application/x-www-form-urlencoded")
        elif isinstance(body, (str, bytes)):
            data = body
        elif body is not None:
            data = json.dumps(body)
            if "json" not in content_type:
                send["Content-Type"] = "application/json"
        timeout = DEFAULT_TIMEOUT if _request_timeout is None else _request_timeout
        answer = raw_request(method.upper(), url, headers=send, data=data, timeout=timeout)
        return RESTResponse(answer)


class ApiClient:
    """The official client's HTTP entry point: :meth:`call_api` sends one request.

    ``default_headers`` (with ``User-Agent``) go with every request; ``get_default()`` /
    ``set_default()`` hold a shared instance as in the official client.
    """

    _default: Optional[ApiClient] = None

    def __init__(
        self,
        configuration: Optional[Configuration] = None,
        header_name: Optional[str] = None,
        header_value: Optional[str] = None,
        cookie: Optional[str] = None,
    ) -> None:
        self.configuration = configuration or Configuration.get_default()
        self.rest_client = RESTClientObject(self.configuration)
        self._default_headers: Dict[str, str] = {"User-Agent": f"miro-python/{__version__}"}
        if header_name is not None and header_value is not None:
            self._default_headers[header_name] = header_value
        self.cookie = cookie
        self.client_side_validation = self.configuration.client_side_validation

    def __repr__(self) -> str:
        return f"ApiClient(host={self.configuration.host!r})"

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *exc: Any) -> None:
        return None

    @property
    def default_headers(self) -> Any:
        """The headers sent with every request."""
        return self._default_headers

    @property
    def user_agent(self) -> str:
        """The ``User-Agent`` sent."""
        return self.default_headers["User-Agent"]

    @user_agent.setter
    def user_agent(self, value: str) -> None:
        self.default_headers["User-Agent"] = value

    def set_default_header(self, header_name: str, header_value: str) -> None:
        """Send ``header_name: header_value`` with every request."""
        self.default_headers[header_name] = header_value

    @classmethod
    def get_default(cls) -> ApiClient:
        """The shared instance (created on first use)."""
        if cls._default is None:
            cls._default = ApiClient()
        return cls._default

    @classmethod
    def set_default(cls, default: Optional[ApiClient]) -> None:
        """Replace the shared instance."""
        cls._default = default

    def call_api(
        self,
        method: str,
        url: str,
        header_params: Optional[Mapping[str, str]] = None,
        body: Any = None,
        post_params: Any = None,
        _request_timeout: TimeoutSetting = None,
    ) -> RESTResponse:
        """Send one request to ``url`` (a full URL) and return the answer, whatever its
        status; :class:`~miro.errors.TransportError` when none arrives."""
        headers = {**self.default_headers, **dict(header_params or {})}
        return self.rest_client.request(method, url, headers, body, post_params, _request_timeout)


class ClientConfiguration(Configuration):
    """``api.api_client.configuration`` of a :class:`miro.MiroApi`: the official settings,
    acting on that client at once. ``host`` is where requests go; ``proxy`` (and
    ``proxy_headers``), ``verify_ssl``, ``ssl_ca_cert``, ``cert_file``/``key_file`` set its
    session; ``retries`` its retry count (``None``: ours, 3).

    (The official ``MiroApi`` shares ``Configuration.get_default()`` between all clients and
    reads most settings once, when the client is made; here each client has its own.)
    """

    _SESSION_SETTINGS = frozenset(
        {"proxy", "proxy_headers", "verify_ssl", "ssl_ca_cert", "cert_file", "key_file"}
    )

    _transport: Optional[Transport]
    _default_retries: int

    def __init__(self, transport: Transport) -> None:
        object.__setattr__(self, "_transport", None)
        super().__init__(host=transport.base_url)
        object.__setattr__(self, "_transport", transport)
        object.__setattr__(self, "_default_retries", transport.max_retries)

    @property
    def host(self) -> str:
        """The API root requests go to."""
        return self._transport.base_url if self._transport is not None else DEFAULT_HOST

    @host.setter
    def host(self, value: str) -> None:
        if self._transport is not None:
            self._transport.base_url = check_base_url(value, name="configuration.host")

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)
        if self._transport is None:
            return
        if name in self._SESSION_SETTINGS:
            self._apply_session_settings(self._transport)
        elif name == "retries":
            retries = self._default_retries if value is None else value
            self._transport.max_retries = _retries(retries)

    def _apply_session_settings(self, transport: Transport) -> None:
        session = transport.session
        session.proxies = {"http": self.proxy, "https": self.proxy} if self.proxy else {}
        if self.proxy_headers:
            session.headers.update(self.proxy_headers)
        session.verify = (self.ssl_ca_cert or True) if self.verify_ssl else False
        if self.cert_file and self.key_file:
            session.cert = (self.cert_file, self.key_file)
        else:
            session.cert = self.cert_file


def _retries(value: Any) -> int:
    count = getattr(value, "total", value)  # a urllib3 Retry, as the official takes
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise InvalidArgument(f"configuration.retries must be a whole number, got {value!r}")
    return count


class MiroApiClient(ApiClient):
    """``api.api_client`` of a :class:`miro.MiroApi` (the official ``MiroApiClient``):
    ``configuration`` (:class:`ClientConfiguration`), ``default_headers`` /
    ``set_default_header`` / ``user_agent`` (sent with every request of that client).
    The access token is never among the headers shown."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport
        self.configuration = ClientConfiguration(transport)
        self.rest_client = RESTClientObject(self.configuration)
        self.cookie = None
        self.client_side_validation = True

    @property
    def default_headers(self) -> Any:
        """The headers sent with every request (a live view: setting one sends it)."""
        return self._transport.session.headers

    @property
    def access_token(self) -> Any:
        """The token (or token callable) sent as ``Authorization: Bearer``; assigning a new
        one makes the next requests use it, as in the official client."""
        return self._transport._token

    @access_token.setter
    def access_token(self, value: Any) -> None:
        if not callable(value) and not (isinstance(value, str) and value.strip()):
            raise InvalidArgument("access_token must be a non-empty string or a callable")
        self._transport._token = value

    @property
    def miro_user_agent(self) -> str:
        """The ``User-Agent`` sent (the official attribute name)."""
        return self.user_agent

    @miro_user_agent.setter
    def miro_user_agent(self, value: str) -> None:
        self.user_agent = value

    def __repr__(self) -> str:
        return f"MiroApiClient(host={self.configuration.host!r})"


__all__ = [
    "ApiClient",
    "ApiResponse",
    "ClientConfiguration",
    "Configuration",
    "MiroApiClient",
    "RESTClientObject",
    "RESTResponse",
    "is_socks_proxy_url",
]
