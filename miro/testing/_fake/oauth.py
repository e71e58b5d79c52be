"""OAuth 2.0 (API-NOTES §5): the consent page, the token endpoint, revocation, token info.

* ``GET /oauth/authorize`` (on miro.com for real): the user consents; 302 to the app's
  redirect URL with ``code`` and ``state`` (or ``error=access_denied``).
* ``POST /v1/oauth/token``: ``authorization_code`` and ``refresh_token`` grants, with the
  parameters in the query string (what Miro's own clients send), a form body (what the
  docs recommend) or both. Codes are single-use and live 10 minutes; every refresh
  rotates both tokens and kills the previous pair. Errors are RFC 6749 §5.2 bodies.
* ``POST /v2/oauth/revoke`` (JSON ``{accessToken, clientId, clientSecret}``) and the
  deprecated ``POST /v1/oauth/revoke?access_token=``: revoking an access token also kills
  its refresh token.
* ``GET /v1/oauth-token``: whose token it is and its scopes.
"""

from __future__ import annotations

import dataclasses
import secrets
import time
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import parse_qsl, urlencode, urlsplit

from .errors import ApiFault
from .server import Request, Route, route

CODE_TTL = 600.0
GRANTED_SCOPES = ("boards:read", "boards:write")
ALL_SCOPES = GRANTED_SCOPES + (
    "identity:read",
    "team:read",
    "organizations:read",
    "organizations:teams:read",
    "organizations:teams:write",
)


class OAuthFault(ApiFault):
    """An RFC 6749 §5.2 error answer of the token endpoint: ``{error, error_description}``."""

    def body(self) -> Dict[str, Any]:
        """The OAuth error body (not Miro's REST error shape)."""
        return {"error": self.code, "error_description": self.message}


@dataclasses.dataclass
class Grant:
    """One user's authorization: the live token pair."""

    user_id: str
    access_token: str
    refresh_token: Optional[str]
    scopes: Tuple[str, ...]


class OAuthApp:
    """The one app registered on the fake, and the grants it has issued."""

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        token_ttl: Optional[float],
        redirect_urls: Optional[List[str]],
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.token_ttl = token_ttl
        self.redirect_urls = redirect_urls
        self.codes: Dict[str, Dict[str, Any]] = {}
        self.by_access: Dict[str, Grant] = {}
        self.by_refresh: Dict[str, Grant] = {}
        self.token_requests: List[str] = []
        #: (approve, user id) for the next consent, set by ``FakeMiro.authorize``.
        self.next_consent: Optional[Tuple[bool, Optional[str]]] = None

    def redirect_allowed(self, url: str) -> bool:
        """Whether ``url`` may receive codes."""
        if self.redirect_urls is not None:
            return url in self.redirect_urls
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and bool(parts.netloc)

    def issue(self, request: Request, user_id: str, scopes: Tuple[str, ...]) -> Dict[str, Any]:
        """A new token pair for ``user_id``: registered with the server, answered as Miro does."""
        access = secrets.token_urlsafe(32)
        refresh = secrets.token_urlsafe(40) if self.token_ttl is not None else None
        request.fake.tokens[access] = user_id
        if self.token_ttl is not None:
            request.fake.token_expiry[access] = time.time() + self.token_ttl
        grant = Grant(user_id, access, refresh, scopes)
        self.by_access[access] = grant
        if refresh:
            self.by_refresh[refresh] = grant
        answer: Dict[str, Any] = {
            "user_id": user_id,
            "access_token": access,
            # Miro's docs print team_id as a bare (19-digit) JSON number.
            "team_id": int(request.store.team["id"]),
            "scope": " ".join(scopes),
            "token_type": "bearer",
        }
        if refresh:
            answer.update(refresh_token=refresh, expires_in=int(self.token_ttl or 0))
        return answer

    def revoke(self, request: Request, access_token: str) -> bool:
        """Kill an access token and its refresh token; False when it was not live."""
        if access_token not in request.fake.tokens:
            return False
        del request.fake.tokens[access_token]
        request.fake.token_expiry.pop(access_token, None)
        grant = self.by_access.pop(access_token, None)
        if grant is not None and grant.refresh_token:
            self.by_refresh.pop(grant.refresh_token, None)
        return True

    def expire_all(self, fake: Any) -> None:
        """Every expiring access token issued so far expires now (refresh tokens stay valid)."""
        now = time.time()
        for access in self.by_access:
            if access in fake.token_expiry:
                fake.token_expiry[access] = now


def _app(request: Request) -> OAuthApp:
    return request.fake.oauth


def authorize(request: Request) -> Tuple[int, Any, Dict[str, str]]:
    app = _app(request)
    query = request.query
    if query.get("response_type") != "code":
        raise ApiFault(400, "invalidParameters", "response_type must be code")
    if query.get("client_id") != app.client_id:
        raise ApiFault(400, "invalidParameters", "Unknown client_id")
    redirect_uri = query.get("redirect_uri", "")
    if not redirect_uri or not app.redirect_allowed(redirect_uri):
        raise ApiFault(400, "invalidParameters", "redirect_uri is not registered for this app")
    approve, user_id = app.next_consent or (True, None)
    app.next_consent = None
    params: Dict[str, str] = {}
    if approve:
        code = secrets.token_urlsafe(24)
        app.codes[code] = {
            "user_id": user_id or request.fake.main_user,
            "redirect_uri": redirect_uri,
            "expires": time.time() + CODE_TTL,
        }
        params["code"] = code
    else:
        params["error"] = "access_denied"
        params["error_description"] = "The user denied access to the app"
    if "state" in query:
        params["state"] = query["state"]
    params.update(client_id=app.client_id, team_id=request.store.team["id"])
    joiner = "&" if "?" in redirect_uri else "?"
    return 302, None, {"Location": redirect_uri + joiner + urlencode(params)}


def _token_params(request: Request) -> Dict[str, str]:
    params = dict(request.query)
    if request.body and "application/x-www-form-urlencoded" in request.content_type:
        params.update(parse_qsl(request.body.decode("utf-8", "replace"), keep_blank_values=True))
    return params


def _required(params: Dict[str, str], *names: str) -> List[str]:
    missing = [name for name in names if not params.get(name)]
    if missing:
        raise OAuthFault(400, "invalid_request", f"Missing parameter: {missing[0]}")
    return [params[name] for name in names]


def token(request: Request) -> Tuple[int, Any]:
    app = _app(request)
    params = _token_params(request)
    grant_type = params.get("grant_type", "")
    app.token_requests.append(grant_type)
    if params.get("client_id") != app.client_id or params.get("client_secret") != (
        app.client_secret
    ):
        raise OAuthFault(401, "invalid_client", "Client authentication failed")
    if grant_type == "authorization_code":
        code, redirect_uri = _required(params, "code", "redirect_uri")
        issued = app.codes.pop(code, None)
        if issued is None or issued["expires"] < time.time():
            raise OAuthFault(400, "invalid_grant", "The authorization code is invalid or expired")
        if issued["redirect_uri"] != redirect_uri:
            raise OAuthFault(400, "invalid_grant", "redirect_uri does not match the authorize step")
        return 200, app.issue(request, issued["user_id"], GRANTED_SCOPES)
    if grant_type == "refresh_token":
        (refresh,) = _required(params, "refresh_token")
        grant = app.by_refresh.get(refresh)
        if grant is None:
            raise OAuthFault(400, "invalid_grant", "The refresh token is invalid or was used")
        app.revoke(request, grant.access_token)  # rotation: the previous pair stops working
        app.by_refresh.pop(refresh, None)
        return 200, app.issue(request, grant.user_id, grant.scopes)
    raise OAuthFault(
        400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token"
    )


def revoke_v2(request: Request) -> Tuple[int, Any]:
    app = _app(request)
    body = request.json()
    if not isinstance(body, dict):
        raise ApiFault(400, "invalidParameters", "The body must be a JSON object")
    for field in ("accessToken", "clientId", "clientSecret"):
        if not isinstance(body.get(field), str) or not body[field]:
            raise ApiFault(400, "invalidParameters", f"{field} is required")
    credentials = (body["clientId"], body["clientSecret"]) == (app.client_id, app.client_secret)
    if not credentials or not app.revoke(request, body["accessToken"]):
        raise ApiFault(404, "notFound", "Failed to revoke token")
    return 204, None


def revoke_v1(request: Request) -> Tuple[int, Any]:
    if not _app(request).revoke(request, request.query.get("access_token", "")):
        raise ApiFault(400, "invalidParameters", "Failed to revoke token")
    return 204, None


def token_info(request: Request) -> Tuple[int, Any]:
    access = request.headers.get("authorization", "").partition(" ")[2]
    grant = _app(request).by_access.get(access)
    user = request.store.user_info(request.user_id)
    store = request.store
    return 200, {
        "type": "oauth",
        "organization": dict(store.organization),
        "team": dict(store.team),
        "createdBy": user,
        "user": user,
        "scopes": list(grant.scopes if grant else ALL_SCOPES),
    }


ROUTES: List[Route] = [
    route("GET", "/oauth/authorize", authorize, public=True),
    route("POST", "/v1/oauth/token", token, public=True),
    route("POST", "/v2/oauth/revoke", revoke_v2, public=True),
    route("POST", "/v1/oauth/revoke", revoke_v1, public=True),
    route("GET", "/v1/oauth-token", token_info),
]
