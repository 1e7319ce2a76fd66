"""One exception hierarchy for the whole domain.

Core functions raise these; the API turns each into JSON ``{"detail": ...}`` with
its ``status_code`` in one handler, and the CLI prints ``detail`` on one line of
stderr. Nothing else should need to know about HTTP status codes.
"""

from __future__ import annotations


class TipoffError(Exception):
    status_code = 400

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class BadRequest(TipoffError):
    status_code = 400


class Unauthorized(TipoffError):
    status_code = 401


class Forbidden(TipoffError):
    status_code = 403


class NotFound(TipoffError):
    status_code = 404


class Conflict(TipoffError):
    status_code = 409


class PayloadTooLarge(TipoffError):
    status_code = 413


class InvalidInput(TipoffError):
    status_code = 422


class RateLimited(TipoffError):
    status_code = 429

    def __init__(self, detail: str, retry_after: int = 60) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class Unavailable(TipoffError):
    """The service cannot answer now; clients should retry after ``retry_after`` seconds."""

    status_code = 503

    def __init__(self, detail: str, retry_after: int = 5) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class Overloaded(Unavailable):
    """More work than the server can take on right now: a fast refusal, not a long wait."""


class DatabaseUnavailable(Unavailable):
    """The database cannot be reached (or answered too slowly)."""


class InsufficientStorage(TipoffError):
    """The database's disk is full: nothing can be written until space is freed."""

    status_code = 507
