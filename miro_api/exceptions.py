"""``miro_api.exceptions``: the official exception names.

They are the bases of :mod:`miro.errors`, so ``except NotFoundException`` and
``except miro.errors.NotFound`` catch the same error. ``ApiException.body`` is the raw text
of the answer, ``.data`` its parsed JSON.
"""

from miro._official_errors import (
    ApiAttributeError,
    ApiException,
    ApiKeyError,
    ApiTypeError,
    ApiValueError,
    BadRequestException,
    ForbiddenException,
    NotFoundException,
    OpenApiException,
    ServiceException,
    UnauthorizedException,
    render_path,
)

__all__ = [
    "ApiAttributeError",
    "ApiException",
    "ApiKeyError",
    "ApiTypeError",
    "ApiValueError",
    "BadRequestException",
    "ForbiddenException",
    "NotFoundException",
    "OpenApiException",
    "ServiceException",
    "UnauthorizedException",
    "render_path",
]
