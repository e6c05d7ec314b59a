"""`python -m reformdash doctor`: is this installation ready to serve? Each check says what to fix."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import duckdb

from reformdash import settings
from reformdash.store import DUCKDB_CONFIG, MIGRATIONS, query_text
from reformdash.words import t
from reformdash.words.vocabulary import NO_WORDS, YES_WORDS

MIN_FREE_MB = 200  # a little above a year of imports; the real need scales with the database (FREE_FACTOR)
FREE_FACTOR = 2  # a backup (a copy) and a checkpoint each may need about the database's size again
TRUE_WORDS = YES_WORDS | NO_WORDS  # a boolean setting may say either


@dataclass
class Finding:
    """One check: passed, failed (with what to fix), or skipped."""

    check: str
    ok: bool | None  # None = skipped, not a failure
    detail: str
    fix: str = ""


def latest_schema() -> int:
    """The number of the newest migration this program carries."""
    return max(int(p.name.split("_", 1)[0]) for p in MIGRATIONS.glob("*.sql"))


def database_facts(conn) -> dict:
    """Schema version, table count and rows read whole, on an open connection (here or inside the dashboard).

    Reading every column of every row makes DuckDB verify each block's checksum: a damaged file fails here.
    """
    cur = conn.cursor()
    try:
        schema = cur.execute(query_text("meta_value"), {"key": "schema"}).fetchall()
        tables = [row[0] for row in cur.execute(query_text("backup_tables")).fetchall()]
        rows = 0
        for table in tables:
            # fixed names from the catalog, quoted; hash(t) reads every column of the row
            rows += cur.execute(f'SELECT count(*), sum(hash(t)) FROM "{table}" AS t').fetchone()[0]  # noqa: S608
    finally:
        cur.close()
    return {"schema": int(schema[0][0]) if schema else 0, "tables": len(tables), "rows": rows}


def check_settings(lang: str) -> Finding:
    bad = []
    for name in ("REFORMDASH_MAX_UPLOAD_MB", "REFORMDASH_MAX_UNPACKED_MB"):
        value = settings.get(name)
        try:
            ok = float(value) > 0
        except ValueError:
            ok = False
        if not ok:
            bad.append(t("cli.doctor.settings.bad", lang, name=name, value=value,
                         why=t("cli.doctor.settings.number", lang)))
    if settings.get("REFORMDASH_LANG") not in ("vi", "en"):
        bad.append(t("cli.doctor.settings.bad", lang, name="REFORMDASH_LANG", value=settings.get("REFORMDASH_LANG"),
                     why=t("cli.doctor.settings.lang", lang)))
    login = settings.get("REFORMDASH_LOGIN_REQUIRED").strip().lower()
    if login not in TRUE_WORDS:
        bad.append(t("cli.doctor.settings.bad", lang, name="REFORMDASH_LOGIN_REQUIRED", value=login,
                     why=t("cli.doctor.settings.bool", lang)))
    template = settings.get("REFORMDASH_PPTX_TEMPLATE")
    if template and not Path(template).is_file():
        bad.append(t("cli.doctor.settings.bad", lang, name="REFORMDASH_PPTX_TEMPLATE", value=template,
                     why=t("cli.doctor.settings.file", lang)))
    if bad:
        return Finding(t("cli.doctor.settings", lang), False, "; ".join(bad), t("cli.doctor.settings.fix", lang))
    return Finding(t("cli.doctor.settings", lang), True, t("cli.doctor.settings.ok", lang, n=len(settings.SETTINGS)))


def _held(error: Exception) -> bool:
    return "could not set lock" in str(error).lower()


def check_database(db: str, lang: str) -> Finding:
    name = t("cli.doctor.database", lang)
    if not Path(db).is_file():
        return Finding(name, False, t("cli.doctor.db.missing", lang, db=db),
                       t("cli.doctor.db.missing.fix", lang, db=db))
    latest = latest_schema()
    try:
        conn = duckdb.connect(db, read_only=True, config=DUCKDB_CONFIG)
    except duckdb.Error as e:
        if not _held(e):
            return Finding(name, False, t("cli.doctor.db.broken", lang, db=db, error=str(e).splitlines()[0]),
                           t("cli.doctor.db.broken.fix", lang, db=db))
        facts = _facts_from_dashboard(db, lang)
        if facts is None:
            return Finding(name, False, t("cli.doctor.db.held_unknown", lang, db=db),
                           t("cli.doctor.db.held_unknown.fix", lang))
        if "error" in facts:
            return Finding(name, False, t("cli.doctor.db.broken", lang, db=db, error=facts["error"]),
                           t("cli.doctor.db.broken.fix", lang, db=db))
        detail = t("cli.doctor.db.held", lang, db=db, pid=facts.get("pid", "?"))
    else:
        try:
            facts = database_facts(conn)
        except duckdb.Error as e:
            return Finding(name, False, t("cli.doctor.db.broken", lang, db=db, error=str(e).splitlines()[0]),
                           t("cli.doctor.db.broken.fix", lang, db=db))
        finally:
            conn.close()
        detail = ""
    if facts["schema"] < latest:
        return Finding(name, False, t("cli.doctor.db.old_schema", lang, schema=facts["schema"], latest=latest),
                       t("cli.doctor.db.old_schema.fix", lang, db=db))
    if facts["schema"] > latest:
        return Finding(name, False, t("cli.doctor.db.new_schema", lang, schema=facts["schema"], latest=latest),
                       t("cli.doctor.db.new_schema.fix", lang))
    ok = t("cli.doctor.db.ok", lang, db=db, schema=facts["schema"], latest=latest, tables=facts["tables"],
           rows=facts["rows"])
    return Finding(name, True, f"{ok}; {detail}" if detail else ok)


def _facts_from_dashboard(db: str, lang: str) -> dict | None:
    """The database facts as the dashboard holding the file reads them (None when it cannot be reached)."""
    from reformdash import control

    try:
        answer = control.send(control.read_control(db, lang), {"doctor": True}, lang, timeout=600)
    except control.Unreachable:
        return None
    return answer.get("facts")


def check_permissions(db: str, lang: str) -> Finding:
    name = t("cli.doctor.permissions", lang)
    if os.name == "nt":
        return Finding(name, None, t("cli.doctor.perm.windows", lang))
    files = [p for p in (Path(db), Path(db + ".wal"), Path(db + ".control")) if p.exists()]
    if not files:
        return Finding(name, None, t("cli.doctor.db.missing", lang, db=db))
    bad = [p for p in files if stat.S_IMODE(p.stat().st_mode) & 0o077]
    if bad:
        detail = "; ".join(t("cli.doctor.perm.bad", lang, file=p, mode=oct(stat.S_IMODE(p.stat().st_mode))[2:])
                           for p in bad)
        return Finding(name, False, detail, t("cli.doctor.perm.fix", lang, files=" ".join(str(p) for p in bad)))
    return Finding(name, True, t("cli.doctor.perm.ok", lang, files=", ".join(p.name for p in files)))


def check_disk(db: str, lang: str) -> Finding:
    folder = Path(db).resolve().parent
    while not folder.exists():
        folder = folder.parent
    size_mb = Path(db).stat().st_size / 2**20 if Path(db).is_file() else 0
    need = int(max(MIN_FREE_MB, FREE_FACTOR * size_mb))
    free = int(shutil.disk_usage(folder).free / 2**20)
    if free < need:
        return Finding(t("cli.doctor.disk", lang), False,
                       t("cli.doctor.disk.bad", lang, free=free, folder=folder, need=need),
                       t("cli.doctor.disk.fix", lang))
    return Finding(t("cli.doctor.disk", lang), True, t("cli.doctor.disk.ok", lang, free=free, folder=folder, need=need))


def check_chromium(lang: str) -> Finding:
    name = t("cli.doctor.chromium", lang)
    path = settings.get("REFORMDASH_CHROMIUM")
    found = path if Path(path).is_file() else shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        return Finding(name, False, t("cli.doctor.chromium.missing", lang, path=path),
                       t("cli.doctor.chromium.fix", lang))
    try:
        done = subprocess.run([found, "--headless", "--no-sandbox", "--version"], capture_output=True, text=True,
                              timeout=60)
        version = done.stdout.strip().splitlines()[0] if done.stdout.strip() else ""
        if done.returncode != 0 or not version:
            raise OSError((done.stderr.strip() or f"exit {done.returncode}").splitlines()[-1])
    except (OSError, subprocess.TimeoutExpired) as e:
        return Finding(name, False, t("cli.doctor.chromium.broken", lang, path=found, error=e),
                       t("cli.doctor.chromium.fix", lang))
    return Finding(name, True, t("cli.doctor.chromium.ok", lang, path=found, version=version))


def check_fonts(lang: str) -> Finding:
    name = t("cli.doctor.fonts", lang)
    fc_list = shutil.which("fc-list")
    if os.name == "nt":
        return Finding(name, None, "Windows: Arial, Times New Roman, Segoe UI")
    if not fc_list:
        return Finding(name, False, t("cli.doctor.fonts.no_fc", lang), t("cli.doctor.fonts.fix", lang))
    done = subprocess.run([fc_list, ":lang=vi", "family"], capture_output=True, text=True, timeout=60)
    families = sorted({f.split(",")[0].strip() for f in done.stdout.splitlines() if f.strip()})
    if not families:
        return Finding(name, False, t("cli.doctor.fonts.none", lang), t("cli.doctor.fonts.fix", lang))
    shown = ", ".join(families[:6]) + (" …" if len(families) > 6 else "")
    return Finding(name, True, t("cli.doctor.fonts.ok", lang, fonts=shown))


def check_control(db: str, lang: str) -> Finding:
    from reformdash import control

    name = t("cli.doctor.control", lang)
    try:
        duckdb.connect(db, read_only=True, config=DUCKDB_CONFIG).close()
        return Finding(name, None, t("cli.doctor.control.idle", lang))
    except duckdb.Error as e:
        if not _held(e):
            return Finding(name, None, t("cli.doctor.control.idle", lang))
    try:
        info = control.read_control(db, lang)
        answer = control.send(info, {"ping": True}, lang)
    except control.Unreachable as e:
        return Finding(name, False, t("cli.doctor.control.bad", lang, error=e), t("cli.doctor.control.fix", lang))
    return Finding(name, True, t("cli.doctor.control.ok", lang, pid=answer.get("pid", "?"), address=info["address"]))


def check_health(url: str, lang: str) -> Finding:
    name = t("cli.doctor.health", lang)
    health = url.rstrip("/") + "/_stcore/health"
    try:
        with urllib.request.urlopen(health, timeout=10) as response:  # noqa: S310 (an address the admin typed)
            body = response.read(100).decode(errors="replace").strip()
        if body != "ok":
            raise OSError(body)
    except (urllib.error.URLError, OSError, ValueError) as e:
        return Finding(name, False, t("cli.doctor.health.bad", lang, url=health, error=e),
                       t("cli.doctor.health.fix", lang))
    return Finding(name, True, t("cli.doctor.health.ok", lang, url=health))


def run(db: str, lang: str = "vi", url: str | None = None) -> list[Finding]:
    """Every check, in the order an IT officer would fix them."""
    findings = [check_settings(lang), check_database(db, lang), check_permissions(db, lang), check_disk(db, lang),
                check_control(db, lang), check_chromium(lang), check_fonts(lang)]
    if url:
        findings.append(check_health(url, lang))
    return findings


def report(findings: list[Finding], lang: str, out=None) -> int:
    """Print one line per check (and what to fix); 0 when nothing failed, else 1."""
    out = out or sys.stdout
    for f in findings:
        mark = {True: "✓", False: "✗", None: "–"}[f.ok]
        print(f"{mark} {f.check}: {f.detail}", file=out)
        if f.ok is False and f.fix:
            print(f"    → {t('cli.doctor.fix', lang)}: {f.fix}", file=out)
    failed = sum(1 for f in findings if f.ok is False)
    print(t("cli.doctor.summary.bad", lang, n=failed) if failed else t("cli.doctor.summary.ok", lang), file=out)
    return 1 if failed else 0
