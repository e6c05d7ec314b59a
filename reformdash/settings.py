"""Every setting declared once: name, default and help; read from the environment or Streamlit secrets."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    """One setting: environment variable name, default value and what it does."""

    name: str
    default: str
    help: str


SETTINGS = {
    s.name: s
    for s in [
        Setting("REFORMDASH_DB", str(ROOT / "data" / "reformdash.duckdb"), "Path of the DuckDB database file."),
        Setting("REFORMDASH_LANG", "vi", "Language of messages: vi (default) or en."),
        Setting("REFORMDASH_USER", "", "Name recorded on import batches (defaults to the login name)."),
        Setting("REFORMDASH_MAX_UPLOAD_MB", "25", "Largest spreadsheet accepted, in megabytes."),
        Setting("REFORMDASH_MAX_UNPACKED_MB", "200", "Largest unpacked size of an xlsx/ods archive, in megabytes."),
        Setting("REFORMDASH_MAX_RESTORE_MB", "4096",
                "Largest database a backup may unpack to when restoring, in megabytes (zip-bomb guard)."),
        Setting("REFORMDASH_FOCUS_ENTITY", "22",
                "Default focus entity of the dashboard (name or code; 22: Quang Ninh)."),
        Setting("REFORMDASH_LOGIN_REQUIRED", "false",
                "true: every page asks anonymous visitors to sign in; false: anyone may read, staff sign in to edit."),
        Setting("REFORMDASH_SSO_TRUST_UNVERIFIED_EMAIL", "false",
                "true: a single sign-on identity without an email_verified claim counts as verified (only for an "
                "identity provider that verifies every address but does not send the claim)."),
        Setting("REFORMDASH_PPTX_TEMPLATE", "",
                "The organisation's PowerPoint template (.pptx) for briefing decks: its layouts, fonts and colours."),
        Setting("REFORMDASH_ROLE", "all",
                "all: one dashboard process reads and writes; writer: it also publishes a read-only copy after each "
                "write; reader: it serves the writer's latest copy, read-only (several processes, docs/scaling.md)."),
        Setting("REFORMDASH_CHROMIUM", "/usr/bin/chromium",
                "The chromium that draws chart images and the PDF briefing (Debian's package by default)."),
    ]
}


def get(name: str, secrets: dict | None = None) -> str:
    """The setting's value: environment first, then secrets, then its default."""
    setting = SETTINGS[name]
    if name in os.environ and os.environ[name] != "":
        return os.environ[name]
    if secrets and name in secrets:
        return str(secrets[name])
    return setting.default


def default_user() -> str:
    """Who is importing, for the batch record."""
    user = get("REFORMDASH_USER")
    if user:
        return user
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"
