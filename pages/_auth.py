"""Sign-in and roles for the pages (Streamlit glue over reformdash.auth)."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

ROLES = ("viewer", "editor", "admin")


@dataclass
class User:
    """Who is signed in."""

    name: str
    role: str


def current_user() -> User | None:
    """The signed-in user of this browser session, if any."""
    return st.session_state.get("user")


def has_role(user: User | None, role: str) -> bool:
    """True if the user's role is at least `role`."""
    if user is None:
        return False
    return ROLES.index(user.role) >= ROLES.index(role)


def require(role: str, lang: str = "vi") -> User:
    """Stop the page with a clear refusal unless the signed-in user has at least `role`."""
    user = current_user()
    if not has_role(user, role):
        st.error("Bạn cần đăng nhập với quyền phù hợp để dùng trang này." if lang == "vi"
                 else "Sign in with a suitable role to use this page.")
        st.stop()
    return user
