"""``FakeMiro``: an in-memory Miro REST API v2 served over HTTP on 127.0.0.1.

For this SDK's tests and for yours, as ``moto`` is for AWS::

    from miro.testing import FakeMiro

    with FakeMiro() as fake:
        api = miro.MiroApi(fake.token, base_url=fake.url)
        ...
        fake.exchanges          # every request and answer, in order

It is built from Miro's OpenAPI description and API documentation, not from what this
SDK sends, and imports nothing from the SDK.

It plays Miro's OAuth side too: one registered app (``fake.client_id``,
``fake.client_secret``), a consent page at ``fake.authorize_url`` and
``fake.authorize(auth_url)`` to consent as the user, the token endpoint with refresh-token
rotation, revocation and token info::

    miro = Miro(fake.client_id, fake.client_secret, "https://app.example/cb",
                base_url=fake.url, authorize_url=fake.authorize_url)
    miro.exchange_code_for_access_token(fake.authorize(miro.auth_url))
"""

from __future__ import annotations

import secrets
import threading
import urllib.error
import urllib.request
from typing import Any, Dict, Iterable, List, Optional, Sequence

from ._fake import boards, connectors, experimental, faults, groups, items, oauth, scim, tags
from ._fake.enterprise import classification as enterprise_classification
from ._fake.enterprise import exports as enterprise_exports
from ._fake.enterprise import legal_holds as enterprise_legal_holds
from ._fake.enterprise import logs as enterprise_logs
from ._fake.enterprise import organizations as enterprise_organizations
from ._fake.enterprise import projects as enterprise_projects
from ._fake.enterprise import sessions as enterprise_sessions
from ._fake.enterprise import teams as enterprise_teams
from ._fake.enterprise import user_groups as enterprise_user_groups
from ._fake.enterprise.state import COMPANY_ADMIN
from ._fake.server import Exchange, FakeServer, Fault
from ._fake.state import Store

__all__ = ["Exchange", "FakeMiro"]


class FakeMiro:
    """A stateful fake of the Miro REST API on an ephemeral port of 127.0.0.1.

    Args:
        token: the access token of the first user (random when not given).
        rate_limit: credits per minute per token (Miro's levels cost 50–2000 credits);
            None for no limit. Past it, requests get Miro's 429 ``tooManyRequests``.
        seed: makes generated ids reproducible.
        client_id: the registered app's client id (random when not given).
        client_secret: the registered app's client secret (random when not given).
        token_ttl: lifetime in seconds of the access tokens the token endpoint issues
            (Miro's expiring tokens: 3599); None for an app with non-expiring tokens (no
            refresh token, no ``expires_in``).
        redirect_urls: the app's registered redirect URLs; None accepts any http(s) URL.

    Attributes:
        url: the base URL to give a client (``http://127.0.0.1:<port>``).
        token: a valid access token.
        user_id: the id of the user that token belongs to.
        app_id: an app id the experimental app-metrics endpoints know.
        store: the server-side state (boards, items, connectors, tags, groups …).
    """

    def __init__(
        self,
        token: Optional[str] = None,
        rate_limit: Optional[int] = None,
        seed: Optional[int] = None,
        *,
        client_id: Optional[str] = None,
        client_secret: Optional[str] = None,
        token_ttl: Optional[float] = 3599,
        redirect_urls: Optional[Iterable[str]] = None,
    ) -> None:
        self.store = Store(seed)
        # Order matters: fixed segments before the catch-all item-type routes.
        routes = (
            oauth.ROUTES
            + boards.ROUTES
            + connectors.ROUTES
            + tags.ROUTES
            + groups.ROUTES
            + items.ROUTES
            + experimental.ROUTES
            + enterprise_organizations.ROUTES
            + enterprise_teams.ROUTES
            + enterprise_projects.ROUTES
            + enterprise_user_groups.ROUTES
            + enterprise_exports.ROUTES
            + enterprise_logs.ROUTES
            + enterprise_classification.ROUTES
            + enterprise_legal_holds.ROUTES
            + enterprise_sessions.ROUTES
            + scim.ROUTES
        )
        self._server = FakeServer(routes, self.store, rate_limit)
        self.user_id = self.store.add_user("Fake User", "fake.user@example.com")
        self.token = token or secrets.token_urlsafe(24)
        self._server.tokens[self.token] = self.user_id
        self._server.main_user = self.user_id
        # The first user is the organization's Company Admin and admin of its first team.
        self.store.org.add_member(
            self.user_id, role="organization_internal_admin", admin_roles=[COMPANY_ADMIN]
        )
        self.store.org.set_team_member(self.store.team["id"], self.user_id, "admin", self.user_id)
        self._oauth = oauth.OAuthApp(
            client_id or self.store.number_id(),
            client_secret or secrets.token_urlsafe(24),
            token_ttl,
            None if redirect_urls is None else list(redirect_urls),
        )
        self._server.oauth = self._oauth
        self._consent = threading.Lock()
        #: A SCIM API token of the organization (SCIM only: the REST API refuses it).
        self.scim_token = secrets.token_urlsafe(24)
        scim.install(self.store, self.scim_token)
        self._server.fault_makers[scim.PREFIX] = scim.fault

    def __repr__(self) -> str:
        return f"FakeMiro(url={self.url!r})"

    # -- lifecycle -------------------------------------------------------------------
    def start(self) -> FakeMiro:
        """Start serving (done by ``with FakeMiro() as fake``)."""
        self._server.start()
        return self

    def stop(self) -> None:
        """Stop serving."""
        self._server.stop()
        enterprise_exports.stop(self.store)  # the export files' storage host, if started

    def __enter__(self) -> FakeMiro:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """The base URL, e.g. ``http://127.0.0.1:54321``."""
        return self._server.url

    @property
    def app_id(self) -> str:
        """An app id known to the app-metrics endpoints."""
        return self._server.app_id

    # -- OAuth -----------------------------------------------------------------------
    @property
    def client_id(self) -> str:
        """The registered app's client id."""
        return self._oauth.client_id

    @property
    def client_secret(self) -> str:
        """The registered app's client secret."""
        return self._oauth.client_secret

    @property
    def authorize_url(self) -> str:
        """The consent page (Miro's ``https://miro.com/oauth/authorize``)."""
        return self.url + "/oauth/authorize"

    @property
    def token_requests(self) -> List[str]:
        """The ``grant_type`` of every request the token endpoint received, in order."""
        with self._server.lock:
            return list(self._oauth.token_requests)

    def authorize(self, auth_url: str, approve: bool = True, user_id: Optional[str] = None) -> str:
        """Play the user on the consent page: open ``auth_url`` and return the redirect URL.

        With ``approve`` the redirect carries ``code`` (and ``state``); without, it carries
        ``error=access_denied``. ``user_id`` picks who consents (default: ``user_id``).
        Raises ``ValueError`` when the consent page refuses the URL.
        """
        if not auth_url.startswith(self.authorize_url):
            raise ValueError(f"{auth_url!r} is not this fake's consent page")
        with self._consent:
            with self._server.lock:
                self._oauth.next_consent = (approve, user_id)
            try:
                answer = urllib.request.build_opener(_NoRedirect).open(auth_url, timeout=10)
            except urllib.error.HTTPError as error:
                if error.code != 302:
                    raise ValueError(error.read().decode("utf-8", "replace")) from None
                return str(error.headers["Location"])
            finally:
                with self._server.lock:
                    self._oauth.next_consent = None
        raise ValueError(f"the consent page answered {answer.status}, not a redirect")

    def expire_access_tokens(self) -> None:
        """Every OAuth access token issued so far expires now (their refresh tokens live on)."""
        with self._server.lock:
            self._oauth.expire_all(self._server)

    # -- users -----------------------------------------------------------------------
    def add_token(self, name: str = "Another User", email: Optional[str] = None) -> str:
        """A token for a new user (who sees only boards shared with them)."""
        with self._server.lock:  # never inside another request's transaction
            user_id = self.store.add_user(name, email)
        return self._server.issue_token(user_id)

    # -- the organization --------------------------------------------------------------
    @property
    def scim_url(self) -> str:
        """The SCIM base URL (``…/api/v1/scim``), as Miro serves SCIM apart from the REST API."""
        return self.url + scim.PREFIX

    @property
    def org_id(self) -> str:
        """The id of the fake's organization (the first user is its Company Admin)."""
        return self.store.org.id

    def add_org_member(
        self,
        email: str,
        *,
        role: str = "organization_internal_user",
        license: str = "full",
        active: bool = True,
        name: Optional[str] = None,
    ) -> str:
        """Seed a person into the organization; returns their user id.

        ``role`` is an OrganizationMember role (``organization_internal_admin`` makes a
        Company Admin), ``license`` one of the spec's licenses; ``active=False`` seeds a
        deactivated user.
        """
        self.store.org.check_member(role, license)
        with self._server.lock:
            if self.store.org.member_by_email(email) is not None:
                raise ValueError(f"{email} is already a member of the organization")
            user_id = self.store.user_for_email(email)
            if name:
                self.store.users[user_id]["name"] = name
            admin = [COMPANY_ADMIN] if role == "organization_internal_admin" else None
            self.store.org.add_member(
                user_id, role=role, license=license, active=active, admin_roles=admin
            )
            return user_id

    def add_ai_interaction_log(
        self,
        user_id: str,
        *,
        object_id: Optional[str] = None,
        feature: str = "sticky_notes_generation",
        details: Optional[Dict[str, Any]] = None,
    ) -> Dict[str, Any]:
        """Record that organization member ``user_id`` used an AI feature on ``object_id``
        (a board id; the organization when not given); returns the AI interaction log."""
        with self._server.lock:
            return enterprise_logs.add_ai_interaction(
                self.store.org,
                user_id,
                object_id=object_id,
                object_type="board" if object_id else "organization",
                feature=feature,
                details=details,
            )

    # -- inspection ------------------------------------------------------------------
    @property
    def exchanges(self) -> List[Exchange]:
        """Every request received and the answer given, in arrival order (a copy)."""
        with self._server.lock:
            return list(self._server.log)

    def clear_exchanges(self) -> None:
        """Forget the recorded exchanges."""
        with self._server.lock:
            self._server.log.clear()

    @property
    def boards(self) -> Dict[str, Dict[str, Any]]:
        """The boards on the server, by id (internal records; read-only by convention)."""
        return self.store.boards

    # -- faults ----------------------------------------------------------------------
    def fail_next(
        self,
        status: int = 429,
        times: int = 1,
        retry_after: Optional[float] = None,
        reset_in: Optional[float] = None,
        code: Optional[str] = None,
        message: Optional[str] = None,
        path: Optional[str] = None,
        method: Optional[str] = None,
        after: int = 0,
    ) -> None:
        """Answer the next ``times`` matching requests with ``status`` and Miro's error body.

        ``status=0`` cuts the connection without answering. ``retry_after`` sets a
        ``Retry-After`` header and ``reset_in`` an ``X-RateLimit-Reset`` that many seconds
        ahead. ``path`` (a prefix of the raw path) and ``method`` narrow which requests
        match; ``after`` lets that many matching requests through first. Injected answers
        carry ``X-FakeMiro-Fault: injected``.
        """
        with self._server.lock:
            self._server.faults.append(
                Fault(status, times, retry_after, reset_in, code, message, path, method, after)
            )

    def break_answer(
        self,
        kind: str,
        times: int = 1,
        path: Optional[str] = None,
        method: Optional[str] = None,
        after: int = 0,
        seconds: float = 0.2,
    ) -> None:
        """Carry out the next ``times`` matching requests, then spoil their answers.

        ``kind`` is ``"cut"`` (no answer at all), ``"truncate"`` (half the promised body,
        then the connection closes), ``"invalid_json"`` (a shorter body that does not
        parse), ``"html"`` (a proxy's HTML page), ``"null"`` (a JSON ``null`` body),
        ``"bad_element"`` (one element of ``data`` of the wrong shape) or ``"drip"`` (the
        body 8 bytes every ``seconds``). ``path``, ``method`` and ``after`` select
        requests as in :meth:`fail_next`.
        """
        if kind not in faults.KINDS:
            raise ValueError(f"kind must be one of {', '.join(faults.KINDS)}; got {kind!r}")
        with self._server.lock:
            faults.answer_faults(self._server).append(
                faults.AnswerFault(kind, times, path, method, after, seconds)
            )

    def storm(
        self,
        rate: float = 0.3,
        statuses: Sequence[int] = (500, 503, 429),
        seed: int = 0,
        path: Optional[str] = None,
        method: Optional[str] = None,
    ) -> None:
        """From now on, answer a random share ``rate`` of matching API calls (not the
        OAuth endpoints) with one of ``statuses``, before carrying them out; ``seed``
        makes the storm reproducible. :meth:`calm` ends it."""
        with self._server.lock:
            faults.storms(self._server).append(
                faults.Storm(rate, tuple(statuses), seed, path, method)
            )

    def calm(self) -> None:
        """End every storm."""
        with self._server.lock:
            faults.storms(self._server).clear()

    def delay(self, seconds: float, times: int = 1) -> None:
        """Make the next ``times`` requests wait ``seconds`` before being answered."""
        with self._server.lock:
            self._server.delays.append([seconds, times])


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hand the consent page's 302 back instead of following it."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None
