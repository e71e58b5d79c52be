"""``miro_api.exceptions``: the official names catch our errors, with the official
attributes (``status``, ``reason``, ``body`` as raw text, ``data``, ``headers``)."""

import pickle

import pytest

import miro
import miro_api.exceptions as official
from miro import errors


def test_the_official_names_are_the_bases_of_our_tree():
    assert issubclass(errors.ApiError, official.ApiException)
    assert issubclass(errors.BadRequest, official.BadRequestException)
    assert issubclass(errors.Unauthorized, official.UnauthorizedException)
    assert issubclass(errors.Forbidden, official.ForbiddenException)
    assert issubclass(errors.NotFound, official.NotFoundException)
    assert issubclass(errors.ServerError, official.ServiceException)
    assert issubclass(errors.InvalidArgument, official.ApiValueError)
    assert issubclass(errors.InvalidArgumentType, official.ApiTypeError)
    assert issubclass(official.ApiException, official.OpenApiException)
    assert not issubclass(errors.Conflict, official.NotFoundException)


def test_a_missing_board_is_caught_by_either_name(api, fake):
    with pytest.raises(official.NotFoundException) as caught:
        api.get_specific_board("uXjVNOPE=")
    error = caught.value
    assert isinstance(error, errors.NotFound)
    sent = fake.exchanges[-1]
    assert error.status == 404 and error.reason == "Not Found"
    assert error.body == sent.response_body.decode() and isinstance(error.body, str)
    assert error.data["status"] == 404 and error.data["code"] == error.code
    assert error.body["code"] == error.code and error.body.get("missing", 1) == 1
    assert error.headers["Content-Type"].startswith("application/json")
    assert "404" in str(error) and "uXjVNOPE" in str(error)


@pytest.mark.parametrize(
    "status, official_class",
    [
        (400, official.BadRequestException),
        (401, official.UnauthorizedException),
        (403, official.ForbiddenException),
        (500, official.ServiceException),
        (503, official.ServiceException),
        (409, official.ApiException),
    ],
)
def test_every_status_maps_to_its_official_class(fake, status, official_class):
    fake.fail_next(status, path="/v2/boards", method="POST", message="nope")
    api = miro.MiroApi(fake.token, base_url=fake.url, max_retries=0)
    with pytest.raises(official_class) as caught:
        api.create_board()
    assert caught.value.status == status and caught.value.data["message"] == "nope"
    assert '"message":"nope"' in caught.value.body.replace(" ", "")


def test_a_wrong_token_is_an_unauthorized_exception(fake):
    api = miro.MiroApi("not-the-token", base_url=fake.url)
    with pytest.raises(official.UnauthorizedException) as caught:
        api.get_boards()
    assert caught.value.status == 401 and "not-the-token" not in str(caught.value)


def test_bad_arguments_raise_official_value_and_type_errors_before_sending(api, fake):
    with pytest.raises(official.ApiValueError):
        api.get_boards(limit="many")
    with pytest.raises(official.ApiTypeError):
        api.create_board({"name": 3})
    assert fake.exchanges == []


def test_errors_keep_their_attributes_through_pickle(api):
    with pytest.raises(errors.NotFound) as caught:
        api.get_specific_board("uXjVNOPE=")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert isinstance(copy, official.NotFoundException)
    assert (copy.status, copy.reason, copy.body, copy.data) == (
        404,
        "Not Found",
        caught.value.body,
        caught.value.data,
    )


def test_the_official_constructor_and_factory_work():
    class Response:
        status, reason, data = 404, "Not Found", b'{"code":"x"}'

        def getheaders(self):
            return {"A": "b"}

    made = official.ApiException(http_resp=Response())
    assert (made.status, made.reason, made.body, made.headers) == (
        404,
        "Not Found",
        '{"code":"x"}',
        {"A": "b"},
    )
    assert str(made).startswith("(404)\nReason: Not Found\n")
    with pytest.raises(official.NotFoundException):
        official.ApiException.from_response(http_resp=Response(), body=None, data=None)
    assert official.render_path(["data", 0]) == "['data'][0]"
