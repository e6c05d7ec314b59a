"""Every setting declared once: name, default and help; read from the environment or Streamlit secrets."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from reformdash.errors import NotFound, Rejected
from reformdash.words import t

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
                "The focus entity (name or code) until an administrator sets the organisation's focus in the app."),
        Setting("REFORMDASH_SESSION_HOURS", "12",
                "How long a sign-in lasts in a browser (reloads and bookmarks keep it) before signing in again."),
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


# The organisation's own settings live in the database (org_setting), set by an administrator on the Registry page
# or with `python -m reformdash settings set`: focus (an entity code), name, peers (codes; none = the focus's
# region). REFORMDASH_FOCUS_ENTITY is only the focus until one is set.
ORG_KEYS = ("focus", "name", "peers")
MAX_PEERS = 7  # what the peers picker allows
REGION_PEERS = 4  # how many of the focus's region are compared by default (more crowd the charts)
PEER_KINDS = ("province", "ministry")


@dataclass(frozen=True)
class Organisation:
    """The organisation the dashboard serves: its focus entity, its name and its default peers."""

    focus: str  # an entity code
    name: str  # the name an administrator gave, else the focus's
    peers: tuple[str, ...]  # chosen by an administrator; () = the focus's region
    named: bool = False  # an administrator gave the name


def _registry(store):
    from reformdash.registry import Registry

    return Registry.load(store)


def stored_settings(store) -> dict[str, str]:
    """The organisation settings an administrator has set, key -> value."""
    return {row[0]: row[1] for row in store.rows("org_settings")}


def organisation(store, lang: str = "vi") -> Organisation:
    """The organisation's settings: those in the database, else the defaults (the focus from the environment)."""
    reg = _registry(store)
    stored = stored_settings(store)
    focus = stored.get("focus", "")
    if focus not in reg.entities:  # never set (or its entity was removed): the environment's, then Quảng Ninh
        try:
            focus = reg.get(get("REFORMDASH_FOCUS_ENTITY")).code
        except NotFound:
            focus = "22" if "22" in reg.entities else next(iter(reg.entities), "")
    entity = reg.entities.get(focus)
    name = stored.get("name") or (entity.name(lang) if entity else "")
    peers = tuple(p for p in stored.get("peers", "").split(",") if p in reg.entities and p != focus)
    return Organisation(focus, name, peers, bool(stored.get("name")))


def region_peers(store, entity_code: str) -> list[str]:
    """The entities in force of the same kind and region as `entity_code` (none for one without a region)."""
    return [row[0] for row in store.rows("entity_region_peers", entity_code=entity_code)]


def default_peers(store, entity_code: str) -> list[str]:
    """Who an entity is compared with unless the reader chooses: the organisation's peers for its focus, else the
    first provinces of its region, else Hà Nội and TP. Hồ Chí Minh."""
    org = organisation(store)
    if entity_code == org.focus and org.peers:
        return list(org.peers)
    return region_peers(store, entity_code)[:REGION_PEERS] or [c for c in ("01", "79") if c != entity_code]


def own_unit_parent(store, focus: str) -> str | None:
    """The department (or province) whose units the units page opens on: the focus's own, not the sample's.

    In order: the focus itself, then a department under the focus, then any, each with figures that are not all
    sample; the sample's when there is nothing else; None when no entity has scored units.
    """
    owners = store.rows("unit_parent_owners")  # code, parent_code, sample
    for wanted in (lambda c, p, s: c == focus and not s, lambda c, p, s: p == focus and not s,
                   lambda c, p, s: not s, lambda c, p, s: c == focus or p == focus):
        for code, parent, sample in owners:
            if wanted(code, parent, sample):
                return code
    return owners[0][0] if owners else None


def _clean(store, values: dict[str, str], lang: str) -> dict[str, str]:
    """The values checked against the registry, as stored: codes for focus and peers. Raises Rejected."""
    reg = _registry(store)
    unknown = sorted(set(values) - set(ORG_KEYS))
    if unknown:
        raise Rejected(t("admin.org.bad_key", lang, setting=unknown[0], keys=", ".join(ORG_KEYS)),
                       t("admin.org.title", lang))
    clean: dict[str, str] = {}
    if "focus" in values:
        clean["focus"] = _entity(reg, values["focus"], ("province", "ministry", "unit"), lang)
    if "name" in values:
        name = " ".join(str(values["name"]).split())
        if len(name) > 120 or not name.isprintable():
            raise Rejected(t("admin.org.bad_name", lang), t("admin.org.title", lang))
        clean["name"] = name
    if "peers" in values:
        raw = values["peers"]
        items = raw if isinstance(raw, (list, tuple)) else [p for p in str(raw).split(",") if p.strip()]
        codes = list(dict.fromkeys(_entity(reg, str(p).strip(), PEER_KINDS, lang) for p in items))
        if len(codes) > MAX_PEERS:
            raise Rejected(t("admin.org.too_many_peers", lang, n=MAX_PEERS), t("admin.org.title", lang))
        clean["peers"] = ",".join(codes)
    return clean


def _entity(reg, text: str, kinds: tuple[str, ...], lang: str) -> str:
    """The code of an entity named or coded by `text`, of one of `kinds`. Raises Rejected."""
    text = (text or "").strip()
    code = text if text in reg.entities else reg.resolve(text, kinds)
    if code is None or reg.entities[code].kind not in kinds:
        hint = ", ".join(reg.suggest(text, kinds)) if text else ""
        raise Rejected(t("admin.org.unknown_entity", lang, value=text) + (
            t("admin.org.did_you_mean", lang, names=hint) if hint else ""), t("admin.org.title", lang))
    return code


def set_organisation(store, user: str, lang: str = "vi", **values: object) -> dict[str, str]:
    """Store the organisation settings given (focus, name, peers), checked against the registry, and log who changed
    what; return the keys that changed with their new values. Raises Rejected (nothing is written)."""
    from reformdash.store import bump_version, query_text

    clean = _clean(store, values, lang)
    if not (user or "").strip():
        raise Rejected(t("admin.org.no_user", lang), t("admin.org.title", lang))
    old = stored_settings(store)
    changed = {k: v for k, v in clean.items() if (old.get(k) or "") != v}  # an empty name or peers: as never set
    if changed:
        at = dt.datetime.now()
        with store.transaction() as tx:
            for key, value in changed.items():
                tx.execute(query_text("org_setting_set"), {"key": key, "value": value, "user_name": user, "at": at})
                tx.execute(query_text("org_setting_change_insert"),
                           {"at": at, "user_name": user, "key": key, "old_value": old.get(key), "new_value": value})
            bump_version(tx)  # cached pages (the focus, the peers) follow at once
    return changed


def organisation_changes(store):
    """The log of organisation setting changes, newest first: changed_at, changed_by, setting, old and new value."""
    return store.df("org_setting_changes")
