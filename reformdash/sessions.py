"""Sign-ins that survive a reload: server-side session records and an HMAC-signed token for an HttpOnly cookie.

The design (docs/decisions.md, «Sessions across reloads»): a sign-in writes an app_session row and hands the page a
one-time grant; the browser trades the grant at /_reformdash/session (serve.py) for a cookie holding a random token
signed with this installation's secret. Only hashes of the grant and the token are stored. A new page load presents
the cookie; the session counts while its row is not ended, not expired and its account is enabled, so signing out
or disabling the account ends it at once, in every tab. No Streamlit here.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from datetime import datetime, timedelta
from pathlib import Path

from reformdash import settings
from reformdash.store import Store, query_text

COOKIE = "reformdash_session"
GRANT_PATH = "/_reformdash/session"  # trades a grant for the cookie (serve.py)
SIGN_OUT_PATH = "/_reformdash/sign-out"  # ends the cookie's session and deletes the cookie
GRANT_LIFE = timedelta(seconds=60)  # the page asks for the cookie at once; a grant left unused dies soon
KEEP_ENDED = timedelta(days=30)  # how long ended and expired sessions stay for the record
MAX_COOKIE = 200  # longer cookies are not ours: not even hashed


def now() -> datetime:
    """The sessions' clock (tests replace it)."""
    return datetime.now()


def lifetime() -> timedelta:
    """REFORMDASH_SESSION_HOURS as a duration, between 5 minutes and 30 days (12 hours when unreadable)."""
    try:
        hours = float(settings.get("REFORMDASH_SESSION_HOURS"))
    except ValueError:
        hours = 12.0
    hours = hours if hours == hours else 12.0  # NaN
    return timedelta(hours=min(max(hours, 1 / 12), 24 * 30))


def secret_path(store: Store) -> Path:
    """The file holding the signing secret: beside the database, one per database (a read replica: its writer's)."""
    path = Path(getattr(store, "db_path", store.path))
    return path.with_name(path.name + ".session-key")


def secret(store: Store) -> bytes:
    """This installation's signing secret, made on first use (readable by the service's account only)."""
    if store.path == ":memory:":  # a database of this process only: so is its secret
        return _MEMORY_SECRET
    path = secret_path(store)
    try:
        data = path.read_bytes()
        if len(data) >= 32:
            return data
    except FileNotFoundError:
        pass
    data = secrets.token_bytes(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return path.read_bytes()
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    return data


_MEMORY_SECRET = secrets.token_bytes(32)


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def _signature(key: bytes, token: str) -> str:
    return hmac.new(key, token.encode(), hashlib.sha256).hexdigest()


def sign(store: Store, token: str) -> str:
    """The cookie's value for a token: the token and its HMAC-SHA256 under the installation's secret."""
    return f"{token}.{_signature(secret(store), token)}"


def unsign(store: Store, value: str | None) -> str | None:
    """The token of a cookie value whose signature is right; None for anything else."""
    if not isinstance(value, str) or len(value) > MAX_COOKIE or "." not in value:
        return None
    token, signature = value.rsplit(".", 1)
    return token if hmac.compare_digest(signature, _signature(secret(store), token)) else None


def start(store: Store, user_name: str, via: str = "password", at: datetime | None = None) -> tuple[str, str]:
    """A new session of `user_name`: (its id, kept by the server; a one-time grant for the browser's cookie)."""
    at = at or now()
    session_id, grant = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    with store.transaction() as tx:
        tx.execute(query_text("session_insert"), {
            "id": session_id, "user_name": user_name, "via": via, "at": at, "expires_at": at + lifetime(),
            "grant_hash": _hash(grant), "grant_expires_at": at + GRANT_LIFE})
        tx.execute(query_text("session_prune"), {"before": at - KEEP_ENDED})
    return session_id, grant


def collect(store: Store, grant: str | None, at: datetime | None = None) -> tuple[str, int] | None:
    """Trade a grant for (the cookie's value, its max-age in seconds): once, while fresh; None otherwise."""
    if not isinstance(grant, str) or not 20 <= len(grant) <= 100:
        return None
    at = at or now()
    token = secrets.token_urlsafe(32)
    with store.transaction() as tx:
        found = tx.execute(query_text("session_by_grant"), {"grant_hash": _hash(grant), "at": at}).fetchall()
        if not found:
            return None
        tx.execute(query_text("session_collect"), {"id": found[0][0], "token_hash": _hash(token)})
    return sign(store, token), int(lifetime().total_seconds())


def resume(store: Store, cookie: str | None, at: datetime | None = None) -> tuple[str, str, str] | None:
    """(session id, account name, role) of a signed cookie's live session; None if ended, expired, disabled, forged."""
    token = unsign(store, cookie)
    if token is None:
        return None
    rows = store.rows("session_by_token", token_hash=_hash(token), at=at or now())
    return (rows[0][0], rows[0][1], rows[0][2]) if rows else None


def role(store: Store, session_id: str, at: datetime | None = None) -> str | None:
    """The role of a live session's account; None once it was ended, expired or its account disabled."""
    rows = store.rows("session_check", id=session_id, at=at or now())
    return rows[0][0] if rows else None


def end_session(store: Store, session_id: str, reason: str = "sign_out", at: datetime | None = None) -> None:
    """End one session now (signing out)."""
    with store.transaction() as tx:
        tx.execute(query_text("session_end"), {"id": session_id, "at": at or now(), "reason": reason})


def end_cookie(store: Store, cookie: str | None, reason: str = "sign_out", at: datetime | None = None) -> None:
    """End the session a signed cookie opens (nothing for a forged or unknown one)."""
    token = unsign(store, cookie)
    if token is not None:
        with store.transaction() as tx:
            tx.execute(query_text("session_end_token"), {"token_hash": _hash(token), "at": at or now(),
                                                         "reason": reason})


def end_user(store: Store, user_name: str, reason: str, tx=None, at: datetime | None = None) -> None:
    """End every session of an account (disabled, or its password replaced), in `tx` when given."""
    params = {"user_name": user_name, "at": at or now(), "reason": reason}
    if tx is not None:
        tx.execute(query_text("session_end_user"), params)
        return
    with store.transaction() as own:
        own.execute(query_text("session_end_user"), params)
