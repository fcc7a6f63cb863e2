"""What every request passes through: the access token, the upload size limit, and strict headers.

One ASGI middleware, so no route can forget any of it. CSRF is checked where the form is read
(sipgen/web/uploads.py), because the token travels in the form's body.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import parse_qs

MAX_UPLOAD = 20 * 1024 * 1024  # bytes in one request: a real plan is well under 1 MB
TOKEN_COOKIE = "sipgen_token"
CSRF_COOKIE = "sipgen_csrf"
# Nothing from anywhere else, no scripts at all, no framing: the pages are plain HTML and CSS.
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),  # a plan's findings are not left in a shared computer's cache
]


class TooLarge(Exception):
    """The request's body passed :data:`MAX_UPLOAD` while it was being read."""


def new_token() -> str:
    return secrets.token_urlsafe(24)


def same(a: str | None, b: str | None) -> bool:
    """True when both are given and equal, compared in constant time."""
    return bool(a) and bool(b) and hmac.compare_digest(a.encode(), b.encode())


def cookies(scope) -> dict[str, str]:
    found = {}
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            for part in value.decode("latin-1").split(";"):
                key, _, val = part.strip().partition("=")
                found[key] = val
    return found


class Guard:
    """ASGI middleware: strict headers on every response; the token when one is set; a size limit."""

    def __init__(self, app, token: str | None = None, limit: int = MAX_UPLOAD):
        self.app = app
        self.token = token
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + HEADERS
            await send(message)

        if self.token and not await self._allowed(scope, send_with_headers):
            return
        length = dict(scope.get("headers", [])).get(b"content-length", b"0")
        if length.isdigit() and int(length) > self.limit:
            from .pages import too_large

            return await too_large()(scope, receive, send_with_headers)
        await self.app(scope, self._counted(receive), send_with_headers)

    def _counted(self, receive):
        """``receive``, raising :class:`TooLarge` once the body passes the limit (for a body sent in chunks)."""
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise TooLarge()
            return message

        return counted

    async def _allowed(self, scope, send) -> bool:
        """True with the token's cookie. A link carrying ?token= sets the cookie and comes back without it."""
        from starlette.responses import RedirectResponse

        from .pages import forbidden

        given = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token", [None])[0]
        if same(given, self.token):
            response = RedirectResponse(scope.get("path", "/"), status_code=303)
            response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict")
            await response(scope, None, send)
            return False
        if same(cookies(scope).get(TOKEN_COOKIE), self.token):
            return True
        await forbidden()(scope, None, send)
        return False
