"""The project's own warnings share one base, and the test run (pyproject's pytest
``filterwarnings``) turns each of them into an error unless a test expects it."""

import warnings

import pytest

import miro
from miro.core.pagination import MalformedElementWarning
from miro.errors import MiroWarning
from miro.snapshot import SnapshotWarning
from miro.storage import InsecureTokenFile

PROJECT_WARNINGS = [InsecureTokenFile, MalformedElementWarning, SnapshotWarning]


@pytest.mark.parametrize("category", PROJECT_WARNINGS, ids=lambda c: c.__name__)
def test_an_unexpected_project_warning_fails_the_test(category):
    assert issubclass(category, MiroWarning)
    with pytest.raises(category):
        warnings.warn(category.__new__(category), stacklevel=1)


def test_the_v1_revoke_deprecation_is_a_project_warning_too(fake):
    api = miro.MiroApi(fake.token, base_url=fake.url)
    with pytest.raises(DeprecationWarning) as caught:
        api.token.revoke_v1()
    assert isinstance(caught.value, MiroWarning)
    with pytest.warns(DeprecationWarning, match="v1 revoke"):
        api.token.revoke_v1()  # expected: the token is revoked, and the warning said so
