"""Sign-in and roles for the pages (Streamlit glue over reformdash.auth)."""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, field

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from reformdash import auth

ROLES = auth.ROLES
ROLE_LABELS = {"viewer": ("người xem", "viewer"), "editor": ("biên tập viên", "editor"),
               "admin": ("quản trị viên", "administrator")}
TEXT = {
    "sign_in": ("Đăng nhập", "Sign in"),
    "sign_out": ("Đăng xuất", "Sign out"),
    "name": ("Tên đăng nhập", "User name"),
    "password": ("Mật khẩu", "Password"),
    "sso": ("Đăng nhập một lần ({provider})", "Single sign-on ({provider})"),
    "wrong": ("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong user name or password."),
    "locked": ("Tên đăng nhập hoặc mật khẩu không đúng. Đã nhập sai nhiều lần: vui lòng thử lại sau {s} giây.",
               "Wrong user name or password. Too many failed attempts: please try again in {s} seconds."),
    "wait": ("Đã nhập sai nhiều lần. Vui lòng thử lại sau {s} giây.",
             "Too many failed attempts. Please try again in {s} seconds."),
    "disabled": ("Tài khoản «{name}» đã bị khóa; hãy liên hệ quản trị viên.",
                 "The account '{name}' is disabled; ask an administrator."),
    "required": ("Cần đăng nhập để xem bảng theo dõi.", "Sign in to see the dashboard."),
    "no_authlib": ("Đăng nhập một lần đã được cấu hình nhưng thiếu gói Authlib (pip install Authlib).",
                   "Single sign-on is configured but the Authlib package is missing (pip install Authlib)."),
    "refused": ("Bạn cần đăng nhập với quyền phù hợp để dùng trang này.",
                "Sign in with a suitable role to use this page."),
}


def _t(key: str, lang: str, **params: object) -> str:
    vi, en = TEXT[key]
    return (en if lang == "en" else vi).format(**params)


@dataclass
class User:
    """Who is signed in."""

    name: str
    role: str
    # 'password' or 'sso' when signed in here (re-checked against app_user on every run); '' when code or a test
    # put the user in the session directly
    via: str = field(default="", compare=False)


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
        st.error(_t("refused", lang))
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
    if user is not None and user.via == "password":
        role = auth.current_role(store, user.name)
        if role is None:
            st.session_state.pop("user", None)
            st.session_state["auth_message"] = _t("disabled", lang, name=user.name)
            return None
        if role != user.role:
            user = st.session_state["user"] = User(user.name, role, via="password")
        return user
    if sso_providers() and st.user.get("is_logged_in"):
        found = auth.match_identity(store, st.user.get("email"), st.user.get("email_verified"), secrets())
        if found is None:
            st.session_state.pop("user", None)
            st.session_state["auth_message"] = _t("disabled", lang, name=st.user.get("email"))
            return None
        if user is None or (user.name, user.role) != found:
            user = st.session_state["user"] = User(found[0], found[1], via="sso")
        return user
    if user is not None and user.via == "sso":  # the identity cookie is gone
        st.session_state.pop("user", None)
        return None
    return user


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
            state["auth_message"] = _t("wait", lang, s=result.wait)
        elif result.wait:
            state["auth_message"] = _t("locked", lang, s=result.wait)
        else:
            state["auth_message"] = _t("wrong", lang)
        return
    state.pop("auth_message", None)
    state["user"] = User(*result.account, via="password")


def _on_sign_out() -> None:
    user = st.session_state.pop("user", None)
    if user is not None and user.via == "sso":
        st.logout()


def sign_in_box(lang: str, user: User | None) -> User | None:
    """Name, role and sign-out in the sidebar when signed in; else the sign-in form (on the page if required)."""
    if user is not None:
        st.sidebar.markdown(f"**{user.name}** · {ROLE_LABELS[user.role][lang == 'en']}")
        st.sidebar.button(_t("sign_out", lang), key="auth_sign_out", on_click=_on_sign_out, icon=":material/logout:")
        return user
    required = sign_in_required()
    message = st.session_state.pop("auth_message", None)
    if required:
        where = st.container()
        where.title(_t("sign_in", lang))
        where.info(_t("required", lang))
    else:
        # lazy: the form is built only while the fold is open, so a reader's page run does not pay for it
        if message:
            st.sidebar.warning(message)
        where = st.sidebar.expander(_t("sign_in", lang), icon=":material/login:", key="auth_open",
                                    on_change="rerun")
        if not where.open:
            return None
    if message and required:
        where.warning(message)
    with where.form("auth_form", clear_on_submit=False, border=False):
        st.text_input(_t("name", lang), key="auth_name", autocomplete="username")
        st.text_input(_t("password", lang), key="auth_password", type="password", autocomplete="current-password")
        st.form_submit_button(_t("sign_in", lang), key="auth_submit", on_click=_on_submit, args=(lang,))
    providers = sso_providers()
    if providers and importlib.util.find_spec("authlib") is None:
        where.caption(_t("no_authlib", lang))
    elif providers:
        for provider in providers:
            label = _t("sso", lang, provider=provider.title() if provider else "SSO")
            if where.button(label, key=f"auth_sso_{provider or 'default'}"):
                st.login(provider)
    return None
