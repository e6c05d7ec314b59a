"""Accounts and roles: argon2 password hashes, sign-in checks, single sign-on matching. No Streamlit here."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from reformdash import sessions, settings
from reformdash.errors import NotFound, ReformdashError
from reformdash.store import Store, query_text
from reformdash.words import t
from reformdash.words.admin import TRUE_WORDS

# In order of power: each role can do everything the ones before it can.
ROLES = ("viewer", "editor", "admin")
MIN_PASSWORD_LENGTH = 8
NAME_PATTERN = re.compile(r"^[\w.@\- ]{1,64}$")

class UserRejected(ReformdashError):
    """An account request with bad input (name, role, password, e-mail); nothing was written."""


def _msg(key: str, lang: str, **params: object) -> str:
    return t(key, lang, **params)


def _reject(key: str, lang: str, **params: object) -> UserRejected:
    return UserRejected(_msg(key, lang, **params), _msg("auth.title", lang))


@cache
def _hasher() -> PasswordHasher:
    """argon2id with the library's defaults (RFC 9106 low-memory profile)."""
    return PasswordHasher()


@cache
def _dummy_hash() -> str:
    """A hash to verify against when the account does not exist, so failure takes as long either way."""
    return _hasher().hash("reformdash: no such account")


def role_at_least(role: str | None, needed: str) -> bool:
    """True if `role` is `needed` or more powerful."""
    if role not in ROLES or needed not in ROLES:
        return False
    return ROLES.index(role) >= ROLES.index(needed)


def login_required(secrets: dict | None = None) -> bool:
    """REFORMDASH_LOGIN_REQUIRED as a yes/no."""
    return settings.get("REFORMDASH_LOGIN_REQUIRED", secrets).strip().lower() in TRUE_WORDS


def check_password(name: str, password: str, lang: str = "vi") -> None:
    """Raise UserRejected when the password is too weak."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise _reject("auth.weak", lang, n=MIN_PASSWORD_LENGTH)
    if password.strip().lower() == name.strip().lower():
        raise _reject("auth.same_as_name", lang)


def _row(store: Store, name: str) -> tuple | None:
    rows = store.rows("user_get", user_name=name)
    return rows[0] if rows else None


def check_new_account(store: Store, name: str, role: str, email: str | None = None,
                      lang: str = "vi") -> tuple[str, str | None]:
    """The cleaned (name, email) of an account that could be created. Raises UserRejected."""
    name = (name or "").strip()
    if not NAME_PATTERN.match(name):
        raise _reject("auth.bad_name", lang, name=name)
    if role not in ROLES:
        raise _reject("auth.bad_role", lang, role=role)
    email = (email or "").strip().lower() or None
    if email is not None and not re.match(r"^[^@\s]+@[^@\s]+$", email):
        raise _reject("auth.bad_email", lang, email=email)
    row = _row(store, name)
    if row is not None:
        raise _reject("auth.exists", lang, name=row[0])
    return name, email


def add_user(store: Store, name: str, role: str, password: str | None, email: str | None = None,
             lang: str = "vi") -> str:
    """Create an account and return its name; password None = single sign-on only. Raises UserRejected."""
    name, email = check_new_account(store, name, role, email, lang)
    if password is not None:
        check_password(name, password, lang)
    password_hash = _hasher().hash(password) if password is not None else None
    with store.transaction() as tx:
        # checked inside the single writer's transaction, so two sessions cannot both create the name
        found = tx.execute(query_text("user_get"), {"user_name": name}).fetchall()
        if found:
            raise _reject("auth.exists", lang, name=found[0][0])
        if email is not None:
            other = tx.execute(query_text("user_by_email"), {"email": email}).fetchall()
            if other:
                raise _reject("auth.email_taken", lang, email=email, other=other[0][0])
        tx.execute(query_text("user_insert"), {"user_name": name, "password_hash": password_hash, "role": role,
                                               "email": email})
    return name


def authenticate(store: Store, name: str, password: str) -> tuple[str, str] | None:
    """(name, role) when the password is right and the account enabled; else None, in about the same time."""
    row = _row(store, (name or "").strip()) if name else None
    stored = row[1] if row and row[1] else _dummy_hash()
    try:
        ok = _hasher().verify(stored, password or "")
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok or row is None or not row[1] or row[4]:
        return None
    account, role = row[0], row[2]
    with store.transaction() as tx:
        if _hasher().check_needs_rehash(stored):  # parameters were raised since: upgrade on the way in
            new_hash = _hasher().hash(password)
            tx.execute(query_text("user_set_password"), {"user_name": account, "password_hash": new_hash})
        tx.execute(query_text("user_touch_login"), {"user_name": account})
    return account, role


# Sign-in throttling lives in the database (signin_attempt), not in a browser session: a reload, a new session or a
# restart starts nothing afresh. Failures are counted per account name typed (known or not, so a lock says nothing
# about whether an account exists) and per client address (many names from one place); each failure past the free
# ones doubles the wait, up to MAX_WAIT.
WINDOW = timedelta(hours=24)  # failures older than this no longer count (at most ~100 guesses a day a name)
KEEP_LOG = timedelta(days=90)  # how long the administrators' log keeps attempts
ACCOUNT_FREE, ACCOUNT_WAIT = 5, 30.0  # 5 failures on a name, then 30 s, 60 s, 120 s …
ADDRESS_FREE, ADDRESS_WAIT = 20, 60.0  # 20 failures from one address, any names, then 60 s, 120 s …
MAX_WAIT = 900.0
OUTCOMES = ("ok", "wrong_password", "unknown_account", "disabled")  # words: auth.outcome.{outcome}


def now() -> datetime:
    """The clock of sign-in throttling (tests replace it)."""
    return datetime.now()


@dataclass(frozen=True)
class SignIn:
    """The answer to a password sign-in: who, or how long to wait before the next try (0 = try again at once)."""

    account: tuple[str, str] | None  # (name, role) when signed in
    wait: int = 0  # seconds until the next attempt will be checked
    throttled: bool = False  # refused without checking the password: too many recent failures


def attempt_key(name: str | None) -> str:
    """The name an attempt is counted under: as typed, trimmed, lower-cased, bounded."""
    return (name or "").strip().lower()[:100]


def lockout(failures: int, last: datetime | None, free: int, wait: float, at: datetime) -> float:
    """Seconds still to wait at `at` after `failures` recent failures, the last one at `last`."""
    if failures < free or last is None:
        return 0.0
    step = min(wait * 2 ** min(failures - free, 30), MAX_WAIT)
    return max(0.0, step - (at - last).total_seconds())


def throttle_wait(store: Store, name: str | None, address: str = "", at: datetime | None = None) -> int:
    """Whole seconds before a sign-in as `name` from `address` will be checked (0 = now)."""
    at = at or now()
    since = at - WINDOW
    failures, last = store.rows("signin_account_failures", account=attempt_key(name), since=since)[0]
    wait = lockout(failures, last, ACCOUNT_FREE, ACCOUNT_WAIT, at)
    if address:  # unknown addresses share no bucket: one would lock every visitor out
        failures, last = store.rows("signin_address_failures", address=address, since=since)[0]
        wait = max(wait, lockout(failures, last, ADDRESS_FREE, ADDRESS_WAIT, at))
    return math.ceil(wait)


def sign_in(store: Store, name: str, password: str, address: str = "", at: datetime | None = None) -> SignIn:
    """A password sign-in with throttling and a log: the account, or why not and how long to wait."""
    at = at or now()
    address = (address or "")[:64]
    wait = throttle_wait(store, name, address, at)
    if wait:  # refused before any hash is checked, for known and unknown names alike
        return SignIn(None, wait, throttled=True)
    found = authenticate(store, name, password)
    if found is not None:
        outcome = "ok"
    else:
        row = _row(store, (name or "").strip()) if name else None
        outcome = "unknown_account" if row is None else "disabled" if row[4] else "wrong_password"
    with store.transaction() as tx:
        tx.execute(query_text("signin_attempt_insert"),
                   {"at": at, "account": attempt_key(name), "address": address, "outcome": outcome})
        tx.execute(query_text("signin_attempts_prune"), {"before": at - KEEP_LOG})
    if found is not None:
        return SignIn(found)
    return SignIn(None, throttle_wait(store, name, address, at))


def failed_sign_ins(store: Store, lang: str = "vi", limit: int = 1000) -> pd.DataFrame:
    """Failed sign-in attempts, newest first: attempted_at, account, address, outcome (in `lang`)."""
    frame = store.df("signin_failures_list", limit=limit)
    frame["outcome"] = [t(f"auth.outcome.{o}", lang) if o in OUTCOMES else o for o in frame["outcome"]]
    return frame


def current_role(store: Store, name: str) -> str | None:
    """The account's role now, or None if it was disabled or removed (sessions re-check on every run)."""
    row = _row(store, name)
    if row is None or row[4]:
        return None
    return row[2]


def match_identity(store: Store, email: str | None, email_verified: object = None,
                   secrets: dict | None = None) -> tuple[str, str] | None:
    """The (name, role) of a single sign-on identity: its account's, else a viewer; None if that account is disabled."""
    # Only a verified e-mail address is matched (to an account's email, or to an account named by it): the display
    # name at an identity provider is chosen by its user, so matching it could hand out someone else's role.
    # An absent email_verified claim is not a verification, unless REFORMDASH_SSO_TRUST_UNVERIFIED_EMAIL says the
    # provider verifies every address without saying so. Some providers send the claim as the string "true".
    email = (email or "").strip().lower()
    if not email:
        return None
    if email_verified is None:
        verified = settings.get("REFORMDASH_SSO_TRUST_UNVERIFIED_EMAIL", secrets).strip().lower() in TRUE_WORDS
    else:
        verified = email_verified is True or str(email_verified).strip().lower() == "true"
    if verified:
        rows = store.rows("user_by_email", email=email)
        if not rows:
            row = _row(store, email)
            rows = [(row[0], row[2], row[4])] if row else []
        if rows:
            name, role, disabled = rows[0]
            return None if disabled else (name, role)
    return email, "viewer"


def account_name(store: Store, name: str, lang: str = "vi") -> str:
    """The stored spelling of an account's name. Raises NotFound."""
    row = _row(store, (name or "").strip())
    if row is None:
        raise NotFound(_msg("auth.unknown", lang, name=name), _msg("auth.title", lang))
    return row[0]


def set_password(store: Store, name: str, password: str | None, lang: str = "vi") -> None:
    """Replace an account's password (None = single sign-on only). Raises NotFound, UserRejected."""
    account = account_name(store, name, lang)
    if password is not None:
        check_password(account, password, lang)
    password_hash = _hasher().hash(password) if password is not None else None
    with store.transaction() as tx:
        tx.execute(query_text("user_set_password"), {"user_name": account, "password_hash": password_hash})
        sessions.end_user(store, account, "password", tx)  # a stolen session does not outlive the new password


def disable_user(store: Store, name: str, disabled: bool = True, lang: str = "vi") -> str:
    """Disable (or enable again) an account and return its name; its history stays. Raises NotFound."""
    account = account_name(store, name, lang)
    with store.transaction() as tx:
        tx.execute(query_text("user_set_disabled"), {"user_name": account, "disabled": disabled})
        if disabled:  # every browser signed in as the account is signed out at its next load or click
            sessions.end_user(store, account, "disabled", tx)
    return account


def list_users(store: Store) -> pd.DataFrame:
    """Every account without its password hash: name, role, email, disabled, has_password, created_at, last_login."""
    return store.df("user_list")
