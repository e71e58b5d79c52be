"""A flat method's bad argument is named as the caller passed it (``count``, ``tag_id``,
``var_from``), not as the fluent method it calls names it (``limit``, ``tag``, ``from_``)."""

import inspect
import re
import warnings

import pytest

import miro
from miro.compat._index import FAMILIES
from miro.compat.per_call import PER_CALL_NAMES
from miro.errors import InvalidArgument, InvalidArgumentType, MiroDeprecationWarning, MiroError
from miro.testing import FakeMiro

NOT_AN_ID = object()
BAD_VALUES = (-5, 10**6, "x", True, NOT_AN_ID)
FLAT_NAMES = sorted(n for names in FAMILIES.values() for n in names if not n.startswith("_"))


@pytest.fixture(scope="module")
def off_contract_api():
    """A client of a FakeMiro of its own: these calls are off-contract on purpose."""
    with FakeMiro() as fake:
        yield miro.MiroApi(fake.token, base_url=fake.url)


@pytest.mark.parametrize(
    "call, named",
    [
        (lambda api: api.list_users(count=1001), "count must be between 1 and 1000"),
        (lambda api: api.list_groups(count=0), "count must be between 1 and 1000"),
        (lambda api: api.get_all_users(count=2000), "count must be between 1 and 1000"),
        (lambda api: api.attach_tag_to_item("b", "i", NOT_AN_ID), "tag_id must be an id string"),
        (lambda api: api.get_items_by_tag(NOT_AN_ID, "t"), "board_id_platform_tags must be an id"),
        (lambda api: api.copy_board(NOT_AN_ID), "copy_from must be an id string"),
        (lambda api: api.create_image_item_using_local_file("b", 5), "resource must be a path"),
        (lambda api: api.get_resource_type(5), "resource must be a string"),
        (
            lambda api: api.enterprise_delete_group_member("o", "g", NOT_AN_ID),
            "member_id must be an id",
        ),
        (
            lambda api: api.enterprise_get_ai_interaction_logs("o", 5, "2026-01-01T00:00:00Z"),
            "var_from must be a datetime",
        ),
        (
            lambda api: api.enterprise_board_export_jobs("o", creator_id=["me"]),
            "creator_id[0] must be a numeric user id",
        ),
    ],
)
def test_the_error_names_the_argument_the_caller_passed(off_contract_api, call, named):
    with pytest.raises((InvalidArgument, InvalidArgumentType)) as caught:
        call(off_contract_api)
    assert str(caught.value).startswith(named), str(caught.value)


def test_no_flat_method_names_an_argument_it_does_not_have(off_contract_api):
    """Every parameter of every flat method, given bad values in turn (the others "1"): an
    argument error starts with one of the method's own parameters (or the method's name),
    and nothing fails with anything but this SDK's errors."""
    wrong = set()
    warnings.simplefilter("ignore", MiroDeprecationWarning)  # revoke_token's v1 endpoint
    for name in FLAT_NAMES:
        method = getattr(off_contract_api, name)
        own = [p for p in inspect.signature(method).parameters if p not in PER_CALL_NAMES]
        required = {
            p.name: "1"
            for p in inspect.signature(method).parameters.values()
            if p.name in own and p.default is p.empty
        }
        for parameter in own:
            for bad in BAD_VALUES:
                try:
                    result = method(**{**required, parameter: bad})
                    if inspect.isgenerator(result):
                        next(result, None)
                except (InvalidArgument, InvalidArgumentType) as error:
                    lead = re.match(r"\w+", str(error))
                    if lead is None or lead.group(0) not in (*own, name):
                        wrong.add(f"{name}({parameter}={bad!r}): {error}")
                except MiroError:
                    pass  # the server's answer to a well-formed call
                except Exception as error:  # not an argument error at all
                    wrong.add(f"{name}({parameter}={bad!r}): {type(error).__name__}: {error}")
    assert not wrong, "\n".join(sorted(wrong))


def test_the_fluent_scim_lists_name_their_page_size_count(off_contract_api):
    with pytest.raises(InvalidArgument, match="^count must be between 1 and 1000"):
        off_contract_api.scim.users.list(count=1001)
    with pytest.raises(InvalidArgument, match="^count must be between 1 and 1000"):
        off_contract_api.scim.groups.page(count=0)
