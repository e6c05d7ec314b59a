"""reformdash as served: `streamlit run serve.py` runs dashboard.py with two routes of its own for the session cookie.

A Streamlit page talks to its server over a WebSocket and cannot set an HttpOnly cookie; these routes answer plain
HTTP requests, so they can (reformdash/sessions.py, docs/decisions.md «Sessions across reloads»).
`streamlit run dashboard.py` still works, without sign-ins that survive a reload.
"""

from __future__ import annotations

import contextlib

import streamlit as st
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from reformdash import control, sessions
from reformdash.paced import PacedMessages


def _store():
    from pages._common import get_store

    return get_store()


def _cookie_path(request: Request) -> str:
    """The cookie's path: the app's base path (server.baseUrlPath), '/' at the root."""
    from streamlit import config

    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/" if base else "/"


def _secure(request: Request) -> bool:
    """True when the browser reached us over HTTPS (directly, or through the reverse proxy on this machine)."""
    return request.url.scheme == "https" or request.headers.get("x-forwarded-proto", "").lower() == "https"


def _empty() -> Response:
    return Response(status_code=204, headers={"Cache-Control": "no-store"})


def collect(request: Request) -> Response:
    """Trade the page's one-time grant for the session cookie: HttpOnly, SameSite=Strict, expiring with the session."""
    found = sessions.collect(_store(), request.query_params.get("grant"))
    response = _empty()
    if found is not None:
        value, max_age = found
        response.set_cookie(sessions.COOKIE, value, max_age=max_age, path=_cookie_path(request), httponly=True,
                            samesite="strict", secure=_secure(request))
    return response


def sign_out(request: Request) -> Response:
    """End the cookie's session and delete the cookie."""
    sessions.end_cookie(_store(), request.cookies.get(sessions.COOKIE))
    response = _empty()
    response.delete_cookie(sessions.COOKIE, path=_cookie_path(request), httponly=True, samesite="strict",
                           secure=_secure(request))
    return response


@contextlib.asynccontextmanager
async def lifespan(app):
    """On shutdown, close the control channel (its socket and file): uvicorn ends the process by re-raising SIGTERM
    after a graceful stop, so the atexit hooks that do it under `streamlit run dashboard.py` never run here."""
    try:
        yield None
    finally:
        control.stop_all()


app = st.App("dashboard.py", lifespan=lifespan, middleware=[Middleware(PacedMessages)],
             routes=[Route(sessions.GRANT_PATH, collect), Route(sessions.SIGN_OUT_PATH, sign_out)])

