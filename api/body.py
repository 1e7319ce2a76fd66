"""What a request may carry, checked before anything parses it.

One ASGI middleware, outside the CSRF middleware (which would otherwise read
form bodies whole), that:

- answers 413 as soon as a body passes ``TIPOFF_MAX_BODY_BYTES``: a declared
  ``Content-Length`` over the cap at once, a chunked or understated body the
  moment the bytes counted so far pass it, so nothing ever holds more than the
  cap in memory;
- answers 415 to a write whose body is not JSON: the API takes only JSON, so
  multipart and form posts never reach a form parser;
- applies the one text rule (``core.textrules``) to every string in the JSON
  body (keys too) and the query string: a NUL or an unpaired surrogate is a 422
  naming the field, on every route and both databases alike.

Then it replays the body it read to the application.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.textrules import MESSAGE, bad_locations, is_clean

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


async def send_json(
    send: Send, status: int, content: Any, headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    body = json.dumps(content).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _is_json(content_type: bytes) -> bool:
    media = content_type.split(b";", 1)[0].strip().lower()
    if media == b"application/json":
        return True
    return media.startswith(b"application/") and media.endswith(b"+json")


def _invalid(locations: list[tuple[Any, ...]]) -> dict[str, Any]:
    return {
        "detail": [
            {
                "loc": list(location),
                "msg": f"{location[-1] if len(location) > 1 else location[0]} {MESSAGE}",
                "type": "string_invalid_characters",
            }
            for location in locations
        ]
    }


def query_problems(query_string: bytes) -> list[tuple[Any, ...]]:
    try:
        pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError):
        return [("query",)]
    return [("query", name if is_clean(name) else "?") for name, value in pairs
            if not (is_clean(name) and is_clean(value))]  # fmt: skip


class BodyGuardMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = {"detail": f"request body too large (limit {self.max_bytes} bytes)"}
        headers = dict(scope.get("headers", []))
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await send_json(send, 413, too_large, [(b"connection", b"close")])
            return
        problems = query_problems(scope.get("query_string", b""))
        if not is_clean(scope.get("path", "")):
            problems.append(("path",))
        if problems:
            await send_json(send, 422, _invalid(problems))
            return

        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the client left; nobody to answer
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await send_json(send, 413, too_large, [(b"connection", b"close")])
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)

        if body and scope["method"] in WRITE_METHODS:
            if not _is_json(headers.get(b"content-type", b"")):
                await send_json(
                    send, 415, {"detail": "send the request body as JSON (application/json)"}
                )
                return
            try:
                decoded = json.loads(body)
            except ValueError:
                decoded = None  # FastAPI answers malformed JSON with its own 422
            body_problems = [("body", *loc) for loc in bad_locations(decoded)]
            if body_problems:
                await send_json(send, 422, _invalid(body_problems))
                return

        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        scope["tipoff.body_checked"] = True  # in place: inner layers annotate this scope
        await self.app(scope, replay, send)
