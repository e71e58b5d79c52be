"""FakeMiro's SCIM side over raw HTTP: RFC 7643/7644 and the rules of Miro's spec (issue #20).

One test per finding of scim2-tester's first run against the fake (items 1-9 of the issue);
each failed before the fix. Requests are plain ``requests`` calls, so nothing of the SDK is
involved.
"""

from __future__ import annotations

from typing import Any, Dict

import pytest
import requests

USER = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"

#: RFC 7644 requests go beyond the spec's narrower PatchOp schema (lower-case ``op``, filtered
#: and schema-qualified paths, path-less values) and to routes it lacks (404/405 checks).
pytestmark = pytest.mark.contract_exempt("RFC 7644 requests beyond the spec's PatchOp schema")


class Scim:
    """Raw SCIM calls to a FakeMiro."""

    def __init__(self, fake: Any) -> None:
        self.fake = fake
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {fake.scim_token}"

    def call(self, method: str, path: str, body: Any = None, **headers: str) -> requests.Response:
        return self.session.request(
            method, self.fake.scim_url + path, json=body, headers=headers, timeout=10
        )

    def create(self, email: str, **attributes: Any) -> Dict[str, Any]:
        answer = self.call("POST", "/Users", {"schemas": [USER], "userName": email, **attributes})
        assert answer.status_code == 201, answer.text
        return answer.json()  # type: ignore[no-any-return]

    def patch(self, path: str, *operations: Dict[str, Any]) -> requests.Response:
        return self.call("PATCH", path, {"schemas": [PATCH_OP], "Operations": list(operations)})

    def user(self, user_id: str) -> Dict[str, Any]:
        return self.call("GET", f"/Users/{user_id}").json()  # type: ignore[no-any-return]


@pytest.fixture
def scim(fake: Any) -> Scim:
    return Scim(fake)


def _attribute(schema: Dict[str, Any], name: str) -> Dict[str, Any]:
    return next(a for a in schema["attributes"] if a["name"] == name)


# -- 1. /Schemas publishes complex attributes with their subAttributes --------------------
@pytest.mark.parametrize(
    "uri, name, subs",
    [
        (USER, "name", {"formatted", "familyName", "givenName"}),
        (USER, "emails", {"value", "type", "primary", "display"}),
        (USER, "photos", {"value", "type"}),
        (USER, "groups", {"value", "display"}),
        (USER, "roles", {"value", "type", "primary", "display"}),
        ("urn:ietf:params:scim:schemas:core:2.0:Group", "members", {"value", "display", "type"}),
        (ENTERPRISE, "manager", {"value", "displayName"}),
    ],
)
def test_schemas_publish_the_sub_attributes_of_complex_attributes(scim, uri, name, subs):
    listed = scim.call("GET", "/Schemas").json()["Resources"]
    schema = next(s for s in listed if s["id"] == uri)
    assert {s["name"] for s in _attribute(schema, name)["subAttributes"]} == subs
    assert scim.call("GET", f"/Schemas/{uri}").json() == schema


def test_schemas_carry_the_spec_s_values_as_canonical_values(scim):
    user = scim.call("GET", f"/Schemas/{USER}").json()
    assert "Full (Trial)" in _attribute(user, "userType")["canonicalValues"]
    roles = {s["name"]: s for s in _attribute(user, "roles")["subAttributes"]}
    assert "ORGANIZATION_INTERNAL_ADMIN" in roles["value"]["canonicalValues"]
    assert _attribute(user, "emails")["mutability"] == "readOnly"  # it is userName


# -- 2. PATCH paths: every attribute of a user, with and without a path ------------------
@pytest.mark.parametrize(
    "op, expected",
    [
        (
            {"op": "replace", "path": "name", "value": {"givenName": "Ann", "familyName": "Lee"}},
            lambda u: u["name"]["givenName"] == "Ann" and u["name"]["familyName"] == "Lee",
        ),
        (
            {"op": "add", "path": "name.givenName", "value": "Bea"},
            lambda u: u["name"]["givenName"] == "Bea",
        ),
        (
            {
                "op": "add",
                "path": "photos",
                "value": [{"value": "https://x.test/a.png", "type": "photo"}],
            },
            lambda u: u["photos"] == [{"value": "https://x.test/a.png", "type": "photo"}],
        ),
        (
            {"op": "add", "path": 'photos[type eq "photo"].value', "value": "https://x.test/b.jpg"},
            lambda u: u["photos"] == [{"type": "photo", "value": "https://x.test/b.jpg"}],
        ),
        (
            {"op": "add", "path": ENTERPRISE, "value": {"department": "R&D", "costCenter": "7"}},
            lambda u: u[ENTERPRISE] == {"department": "R&D", "costCenter": "7"},
        ),
        (
            {"op": "Replace", "path": f"{ENTERPRISE}:department", "value": "IT"},
            lambda u: u[ENTERPRISE]["department"] == "IT",
        ),
        (
            {"op": "replace", "path": f"{ENTERPRISE}:employeeNumber", "value": "42"},
            lambda u: u[ENTERPRISE]["employeeNumber"] == "42",
        ),
        (
            {"op": "replace", "path": f"{ENTERPRISE}:organization", "value": "Acme"},
            lambda u: u[ENTERPRISE]["organization"] == "Acme",
        ),
        (
            {"op": "replace", "path": f"{ENTERPRISE}:division", "value": "EU"},
            lambda u: u[ENTERPRISE]["division"] == "EU",
        ),
        (
            {
                "op": "replace",
                "path": f"{ENTERPRISE}:manager",
                "value": {"value": "123", "displayName": "Bo"},
            },
            lambda u: u[ENTERPRISE]["manager"] == {"value": "123", "displayName": "Bo"},
        ),
        (
            {
                "op": "Replace",
                "path": 'roles[primary eq "True"].value',
                "value": "ORGANIZATION_INTERNAL_ADMIN",
            },
            lambda u: u["roles"][0]["value"] == "ORGANIZATION_INTERNAL_ADMIN",
        ),
        (
            {"op": "add", "value": {"name": {"formatted": "Cy D"}, f"{ENTERPRISE}:division": "US"}},
            lambda u: u["name"]["formatted"] == "Cy D" and u[ENTERPRISE]["division"] == "US",
        ),
    ],
)
def test_patch_reaches_every_attribute_the_spec_gives_a_user(scim, op, expected):
    user = scim.create("ann@example.com")
    answer = scim.patch(f"/Users/{user['id']}", op)
    assert answer.status_code == 200, answer.text
    assert expected(answer.json()) and expected(scim.user(user["id"]))


def test_patch_removes_what_it_added(scim):
    user = scim.create(
        "ann@example.com",
        name={"givenName": "Ann", "familyName": "Lee"},
        photos=[{"value": "https://x.test/a.png", "type": "photo"}],
        **{ENTERPRISE: {"department": "R&D"}},
    )
    for path in ("photos", "name", f"{ENTERPRISE}:department"):
        assert scim.patch(f"/Users/{user['id']}", {"op": "remove", "path": path}).status_code == 200
    after = scim.user(user["id"])
    assert "photos" not in after and "name" not in after and ENTERPRISE not in after


def test_photos_are_kept_on_create_and_put(scim):
    photos = [{"value": "https://x.test/me.jpg", "type": "photo"}]
    user = scim.create("ann@example.com", photos=photos)
    assert user["photos"] == photos and scim.user(user["id"])["photos"] == photos
    other = [{"value": "https://x.test/you.gif", "type": "photo"}]
    put = scim.call(
        "PUT",
        f"/Users/{user['id']}",
        {"schemas": [USER], "userName": "ann@example.com", "photos": other},
    )
    assert put.json()["photos"] == other and scim.user(user["id"])["photos"] == other


# -- 3. never accept a PATCH and ignore it ------------------------------------------------
def test_roles_given_as_a_list_are_applied(scim):
    user = scim.create("ann@example.com")
    answer = scim.patch(
        f"/Users/{user['id']}",
        {
            "op": "add",
            "path": "roles",
            "value": [
                {"value": "Content Admin", "type": "organization_admin_role", "primary": False}
            ],
        },
    )
    assert answer.status_code == 200
    roles = scim.user(user["id"])["roles"]
    assert {"value": "Content Admin", "type": "organization_admin_role", "primary": False} in roles
    answer = scim.patch(
        f"/Users/{user['id']}",
        {
            "op": "replace",
            "path": "roles",
            "value": [
                {
                    "value": "ORGANIZATION_INTERNAL_ADMIN",
                    "type": "organization_user_role",
                    "primary": True,
                }
            ],
        },
    )
    assert scim.user(user["id"])["roles"] == [
        {"value": "ORGANIZATION_INTERNAL_ADMIN", "type": "organization_user_role", "primary": True}
    ]
    removed = scim.patch(
        f"/Users/{user['id']}", {"op": "remove", "path": 'roles[value eq "Content Admin"]'}
    )
    assert removed.status_code == 400 and removed.json()["scimType"] == "noTarget"


def test_removing_preferred_language_removes_it(scim):
    user = scim.create("ann@example.com", preferredLanguage="en_US")
    assert scim.user(user["id"])["preferredLanguage"] == "en_US"
    answer = scim.patch(f"/Users/{user['id']}", {"op": "remove", "path": "preferredLanguage"})
    assert answer.status_code == 200 and "preferredLanguage" not in scim.user(user["id"])


def test_a_removal_miro_cannot_honour_is_refused_not_ignored(scim):
    user = scim.create("ann@example.com", userType="Basic")
    answer = scim.patch(f"/Users/{user['id']}", {"op": "remove", "path": "userType"})
    assert answer.status_code == 400 and answer.json()["scimType"] == "mutability"
    assert scim.user(user["id"])["userType"] == "Basic"


# -- 4. media type -----------------------------------------------------------------------
def test_answers_are_scim_json(scim):
    user = scim.create("ann@example.com")
    for path in (f"/Users/{user['id']}", "/Users", "/Groups", "/Schemas", "/ServiceProviderConfig"):
        answer = scim.call("GET", path, Accept="application/scim+json")
        assert answer.headers["Content-Type"] == "application/scim+json", path
    assert scim.call("GET", "/Users/nope").headers["Content-Type"] == "application/scim+json"
    only_json = scim.call("GET", "/Users", Accept="application/json")
    assert only_json.headers["Content-Type"] == "application/json"  # the spec declares both


# -- 5. Location and ETag ------------------------------------------------------------------
def test_created_users_have_a_location_and_every_user_an_etag(scim):
    answer = scim.call("POST", "/Users", {"schemas": [USER], "userName": "ann@example.com"})
    assert answer.status_code == 201
    user = answer.json()
    assert answer.headers["Location"] == user["meta"]["location"]
    assert scim.call("GET", answer.headers["Location"][len(scim.fake.scim_url) :]).json() == user
    assert answer.headers["ETag"] == user["meta"]["version"]
    patched = scim.patch(
        f"/Users/{user['id']}", {"op": "replace", "path": "displayName", "value": "Ann"}
    )
    assert patched.headers["ETag"] != answer.headers["ETag"]
    assert scim.call("GET", "/ServiceProviderConfig").json()["etag"] == {"supported": True}


def test_etags_are_honoured_as_preconditions(scim):
    user = scim.create("ann@example.com")
    path = f"/Users/{user['id']}"
    tag = scim.call("GET", path).headers["ETag"]
    assert scim.call("GET", path, **{"If-None-Match": tag}).status_code == 304
    stale = scim.call(
        "PUT", path, {"schemas": [USER], "userName": "x@example.com"}, **{"If-Match": 'W/"0"'}
    )
    assert stale.status_code == 412 and scim.user(user["id"])["userName"] == "ann@example.com"
    fresh = scim.call(
        "PUT", path, {"schemas": [USER], "userName": "x@example.com"}, **{"If-Match": tag}
    )
    assert fresh.status_code == 200 and fresh.json()["userName"] == "x@example.com"


# -- 6. errors under the SCIM base ------------------------------------------------------
@pytest.mark.parametrize(
    "method, path, status",
    [
        ("GET", "/NoSuchThing", 404),
        ("POST", "/Groups", 405),
        ("DELETE", "/Groups/{team}", 405),
        ("POST", "/.search", 404),
    ],
)
def test_unknown_paths_and_methods_answer_scim_errors(fake, scim, method, path, status):
    answer = scim.call(method, path.format(team=fake.store.team["id"]))
    assert answer.status_code == status
    assert answer.headers["Content-Type"] == "application/scim+json"
    body = answer.json()
    assert body["schemas"] == [ERROR] and body["status"] == str(status) and body["detail"]


# -- 7. rules the spec states ------------------------------------------------------------
def test_new_users_join_the_default_team(fake, scim):
    user = scim.create("ann@example.com")
    assert [g["value"] for g in user["groups"]] == [fake.store.team["id"]]
    members = scim.call("GET", f"/Groups/{fake.store.team['id']}").json()["members"]
    assert user["id"] in [m["value"] for m in members]


def test_the_last_team_admin_cannot_be_removed(fake, scim):
    team = fake.store.team["id"]  # the fake's first user is its only admin
    answer = scim.patch(
        f"/Groups/{team}", {"op": "remove", "path": f'members[value eq "{fake.user_id}"]'}
    )
    assert answer.status_code == 400 and answer.json()["scimType"] == "mutability"
    assert fake.user_id in [
        m["value"] for m in scim.call("GET", f"/Groups/{team}").json()["members"]
    ]


def test_adding_a_deactivated_user_to_a_team_reactivates_them(fake, scim):
    user = scim.create("ann@example.com", active=False)
    assert scim.user(user["id"])["active"] is False
    team = fake.store.org.add_team("Design")["id"]
    answer = scim.patch(
        f"/Groups/{team}", {"op": "add", "path": "members", "value": [{"value": user["id"]}]}
    )
    assert answer.status_code == 200 and scim.user(user["id"])["active"] is True


@pytest.mark.parametrize("user_type", ["Full (Trial)", "Free Restricted", "basic", "Advanced"])
def test_every_license_of_the_spec_is_a_user_type(scim, user_type):
    user = scim.create("ann@example.com", userType=user_type)
    assert user["userType"].lower() == user_type.lower()


def test_a_license_the_spec_does_not_list_is_refused(scim):
    answer = scim.call(
        "POST", "/Users", {"schemas": [USER], "userName": "a@example.com", "userType": "Occasional"}
    )
    assert answer.status_code == 400 and "Full (Trial)" in answer.json()["detail"]


def test_the_spec_s_length_limits_and_manager_rule(scim):
    long = scim.call(
        "POST", "/Users", {"schemas": [USER], "userName": "a@example.com", "displayName": "x" * 61}
    )
    assert long.status_code == 400 and "60" in long.json()["detail"]
    user = scim.create(
        "b@example.com", **{ENTERPRISE: {"manager": {"value": "boss", "displayName": "B"}}}
    )
    assert user[ENTERPRISE]["manager"] == {"displayName": "B"}  # not numeric: ignored (spec)


# -- 8. externalId: accepted, not kept ------------------------------------------------------
def test_external_id_is_accepted_and_not_kept(scim):
    user = scim.create("ann@example.com", externalId="okta-123")
    assert "externalId" not in user
    answer = scim.patch(
        f"/Users/{user['id']}", {"op": "replace", "path": "externalId", "value": "x"}
    )
    assert answer.status_code == 200 and "externalId" not in scim.user(user["id"])


# -- 9. REST: bulk user group membership succeeds partly (207) --------------------------------
def test_bulk_group_membership_adds_whom_it_can_and_explains_the_rest(fake):
    ann = fake.add_org_member("ann@example.com")
    rest = requests.Session()
    rest.headers["Authorization"] = f"Bearer {fake.token}"
    base = f"{fake.url}/v2/orgs/{fake.org_id}/groups"
    group = rest.post(base, json={"name": "Design"}, timeout=10).json()
    answer = rest.patch(
        f"{base}/{group['id']}/members",
        timeout=10,
        json={"membersToAdd": ["ann@example.com", "ghost@example.com"]},
    )
    assert answer.status_code == 207
    added, refused = answer.json()
    assert (added["operation"], added["status"]) == ("addMembers", 200)
    assert [u["id"] for u in added["affectedUsers"]] == [ann]
    assert (refused["operation"], refused["status"]) == ("addMembers", 400)
    assert "ghost@example.com" in refused["error"]["message"]
    members = rest.get(f"{base}/{group['id']}/members", timeout=10).json()["data"]
    assert [m["id"] for m in members] == [ann]


def test_a_deactivated_user_keeps_user_name_and_license_under_put(scim):
    user = scim.create("ann@example.com", active=False, userType="Basic")
    path = f"/Users/{user['id']}"
    renamed = scim.call("PUT", path, {"schemas": [USER], "userName": "new@example.com"})
    assert renamed.status_code == 400 and renamed.json()["scimType"] == "mutability"
    relicensed = scim.call(
        "PUT", path, {"schemas": [USER], "userName": "ann@example.com", "userType": "Full"}
    )
    assert relicensed.status_code == 400 and scim.user(user["id"])["userType"] == "Basic"
    reactivated = scim.call(
        "PUT", path, {"schemas": [USER], "userName": "new@example.com", "active": True}
    )
    assert reactivated.status_code == 200 and reactivated.json()["userName"] == "new@example.com"


def test_the_last_admin_of_a_team_cannot_be_deleted(fake, scim):
    user = scim.create("ann@example.com")
    team = fake.store.org.add_team("Design")["id"]
    fake.store.org.set_team_member(team, user["id"], "admin", fake.user_id)
    answer = scim.call("DELETE", f"/Users/{user['id']}")
    assert answer.status_code == 409 and "last admin of team Design" in answer.json()["detail"]
    assert scim.call("GET", f"/Users/{user['id']}").status_code == 200


def test_guests_are_not_scim_users_until_a_team_takes_them_in(fake, scim):
    guest = fake.add_org_member("guest@example.com", role="organization_team_guest_user")
    assert scim.call("GET", f"/Users/{guest}").status_code == 404
    assert guest not in [u["id"] for u in scim.call("GET", "/Users").json()["Resources"]]
    team = fake.store.team["id"]
    added = scim.patch(
        f"/Groups/{team}", {"op": "add", "path": "members", "value": [{"value": guest}]}
    )
    assert added.status_code == 200
    user = scim.user(guest)  # "we set FULL license and ORGANIZATION_INTERNAL_USER roles"
    assert user["userType"] == "Full" and user["roles"][0]["value"] == "ORGANIZATION_INTERNAL_USER"
