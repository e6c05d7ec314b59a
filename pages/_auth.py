"""Sign-in and roles for the pages (Streamlit glue over reformdash.auth)."""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, field

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from reformdash import auth, sessions
from reformdash.markup import invisible_image
from reformdash.words import t

ROLES = auth.ROLES
@dataclass
class User:
    """Who is signed in."""

    name: str
    role: str
    # 'password' or 'sso' when signed in here (re-checked against app_user on every run); '' when code or a test
    # put the user in the session directly
    via: str = field(default="", compare=False)
    # the server-side session (reformdash/sessions.py) a password sign-in opened: a reload resumes it from the cookie
    session: str = field(default="", compare=False, repr=False)


def current_user() -> User | None:
    """The signed-in user of this browser session, if any."""
    return st.session_state.get("user")


def has_role(user: User | str | None, role: str) -> bool:
    """True if the user (or a role name) is at least `role`."""
    if user is None:
        return False
    return auth.role_at_least(user if isinstance(user, str) else user.role, role)


def require(role: str, lang: str = "vi") -> User:
    """Stop the page with a clear refusal unless the signed-in user has at least `role`."""
    user = current_user()
    if not has_role(user, role):
        st.error(t("auth.refused", lang))
        st.stop()
    return user


def secrets() -> dict:
    """.streamlit/secrets.toml as a dict ({} when there is none), read once per run."""
    from pages._common import once_per_run

    return once_per_run("secrets", _read_secrets)


def _read_secrets() -> dict:
    if getattr(st.secrets, "_secrets", None) is not None:  # parsed already: reading is cheap
        return st.secrets.to_dict()
    # With no secrets file Streamlit searches its paths again on every read; "none" is remembered until one of the
    # paths appears or changes (their modification times are the key).
    from streamlit import config

    stamp = tuple(_mtime(p) for p in config.get_option("secrets.files"))
    if _NO_SECRETS.get("stamp") == stamp:
        return {}
    try:
        return st.secrets.to_dict()
    except StreamlitSecretNotFoundError:
        _NO_SECRETS["stamp"] = stamp
        return {}


_NO_SECRETS: dict = {}


def _mtime(path: str) -> float | None:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None


def sign_in_required() -> bool:
    """REFORMDASH_LOGIN_REQUIRED, from the environment or secrets.toml."""
    return auth.login_required(secrets())


def sso_providers() -> list[str | None]:
    """The st.login providers configured in secrets.toml's [auth] section (None = the unnamed one)."""
    section = secrets().get("auth")
    if not isinstance(section, dict) or "redirect_uri" not in section or "cookie_secret" not in section:
        return []
    named = [k for k, v in section.items() if isinstance(v, dict) and "client_id" in v and "_" not in k]
    return ([None] if "client_id" in section else []) + sorted(named)


def _store():
    from pages._common import get_store

    return get_store()


def refresh_user(lang: str) -> User | None:
    """Re-read the session's role (a disabled account is signed out at once) and adopt a single sign-on."""
    user = current_user()
    store = _store()
    if user is None:
        user = _resume(store)
    if user is not None and user.via == "password":
        # a session of its own ends when signed out (in any tab), expired or disabled; one put there without a
        # session record (a test) follows the account alone
        role = sessions.role(store, user.session) if user.session else auth.current_role(store, user.name)
        if role is None:
            st.session_state.pop("user", None)
            if auth.current_role(store, user.name) is None:
                st.session_state["auth_message"] = t("auth.disabled", lang, name=user.name)
            return None
        if role != user.role:
            user = st.session_state["user"] = User(user.name, role, via="password", session=user.session)
        return user
    if sso_providers() and st.user.get("is_logged_in"):
        found = auth.match_identity(store, st.user.get("email"), st.user.get("email_verified"), secrets())
        if found is None:
            st.session_state.pop("user", None)
            st.session_state["auth_message"] = t("auth.disabled", lang, name=st.user.get("email"))
            return None
        if user is None or (user.name, user.role) != found:
            user = st.session_state["user"] = User(found[0], found[1], via="sso")
        return user
    if user is not None and user.via == "sso":  # the identity cookie is gone
        st.session_state.pop("user", None)
        return None
    return user


def _resume(store) -> User | None:
    """A new browser session (a reload, a bookmark) resumes the signed-in session its cookie names, if still live."""
    # the cookies are those of the WebSocket's opening request: the same for the whole browser session, so one look
    if st.session_state.get("_cookie_checked"):
        return None
    st.session_state["_cookie_checked"] = True
    try:
        cookie = st.context.cookies.get(sessions.COOKIE)
    except Exception:  # noqa: BLE001 (no client context, e.g. a bare script run: no cookie)
        return None
    found = sessions.resume(store, cookie) if cookie else None
    if found is None:
        return None
    session, name, role = found
    user = st.session_state["user"] = User(name, role, via="password", session=session)
    return user


def _server_path(path: str) -> str:
    """A path of this server as the browser sees it (under server.baseUrlPath when one is set)."""
    from streamlit import config

    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}{path}" if base else path


def _browser_request(path: str) -> None:
    """Have the browser fetch a path of this server once (an invisible image): the answer sets or deletes the
    session cookie, which only an HTTP response can do when it is HttpOnly."""
    st.html(invisible_image(_server_path(path)))


def client_address() -> str:
    """Where this session connects from: the socket's address, or behind a reverse proxy on this machine the address
    it forwards ('' when unknown)."""
    try:
        address = st.context.ip_address  # None for a connection from this machine (a local proxy, or a local user)
        if isinstance(address, str) and address:
            return address[:64]
        headers = st.context.headers
        # the proxy appends the address it saw last, so the rightmost entry is the one a client cannot forge
        forwarded, real = headers.get("X-Forwarded-For"), headers.get("X-Real-Ip")
        forwarded = forwarded.split(",")[-1].strip() if isinstance(forwarded, str) else ""
        return (forwarded or (real if isinstance(real, str) else "")).strip()[:64]
    except Exception:  # noqa: BLE001 (no client context, e.g. a bare script run: the address is unknown)
        return ""


def _on_submit(lang: str) -> None:
    """The form's callback: runs before the script, so the sidebar already shows the signed-in user's pages."""
    state = st.session_state
    result = auth.sign_in(_store(), state.get("auth_name", ""), state.get("auth_password", ""), client_address())
    state["auth_password"] = ""
    if result.account is None:
        if result.throttled:
            state["auth_message"] = t("auth.wait", lang, s=result.wait)
        elif result.wait:
            state["auth_message"] = t("auth.locked", lang, s=result.wait)
        else:
            state["auth_message"] = t("auth.wrong", lang)
        return
    state.pop("auth_message", None)
    session, grant = sessions.start(_store(), result.account[0])
    state["user"] = User(*result.account, via="password", session=session)
    state["_session_grant"] = grant  # the page asks the browser to collect its cookie with it


def _on_sign_out() -> None:
    user = st.session_state.pop("user", None)
    st.session_state.pop("_session_grant", None)
    if user is not None and user.session:
        sessions.end_session(_store(), user.session)  # the cookie now opens nothing, deleted or not
        st.session_state["_session_sign_out"] = True
    if user is not None and user.via == "sso":
        st.logout()


def sign_in_box(lang: str, user: User | None) -> User | None:
    """Name, role and sign-out in the sidebar when signed in; else the sign-in form (on the page if required)."""
    grant = st.session_state.pop("_session_grant", None)
    if user is not None and grant:
        with st.sidebar:
            _browser_request(f"{sessions.GRANT_PATH}?grant={grant}")
    if st.session_state.pop("_session_sign_out", None):
        with st.sidebar:
            _browser_request(sessions.SIGN_OUT_PATH)
    if user is not None:
        st.sidebar.markdown(f"**{user.name}** · {t('auth.role.' + user.role, lang)}")
        st.sidebar.button(t("auth.sign_out", lang), key="auth_sign_out", on_click=_on_sign_out,
                          icon=":material/logout:")
        return user
    required = sign_in_required()
    message = st.session_state.pop("auth_message", None)
    if required:
        where = st.container()
        where.title(t("auth.sign_in", lang))
        where.info(t("auth.required", lang))
    else:
        # lazy: the form is built only while the fold is open, so a reader's page run does not pay for it
        if message:
            st.sidebar.warning(message)
        where = st.sidebar.expander(t("auth.sign_in", lang), icon=":material/login:", key="auth_open",
                                    on_change="rerun")
        if not where.open:
            return None
    if message and required:
        where.warning(message)
    with where.form("auth_form", clear_on_submit=False, border=False):
        st.text_input(t("auth.name", lang), key="auth_name", autocomplete="username")
        st.text_input(t("auth.password", lang), key="auth_password", type="password",
                      autocomplete="current-password")
        st.form_submit_button(t("auth.sign_in", lang), key="auth_submit", on_click=_on_submit, args=(lang,))
    providers = sso_providers()
    if providers and importlib.util.find_spec("authlib") is None:
        where.caption(t("auth.no_authlib", lang))
    elif providers:
        for provider in providers:
            label = t("auth.sso", lang, provider=provider.title() if provider else "SSO")
            if where.button(label, key=f"auth_sso_{provider or 'default'}"):
                st.login(provider)
    return None
