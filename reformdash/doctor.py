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

MIN_FREE_MB = 200  # a little above a year of imports; the real need scales with the database (FREE_FACTOR)
FREE_FACTOR = 2  # a backup (a copy) and a checkpoint each may need about the database's size again
TRUE_WORDS = {"1", "true", "yes", "on", "co", "có", "0", "false", "no", "off", "khong", "không"}

WORDS: dict[str, tuple[str, str]] = {
    "ok": ("đạt", "ok"),
    "fix": ("cách sửa", "fix"),
    "skipped": ("bỏ qua", "skipped"),
    "summary.ok": ("Mọi kiểm tra đều đạt.", "Every check passed."),
    "summary.bad": ("{n} kiểm tra chưa đạt: xem «cách sửa» ở trên.", "{n} check(s) failed: see 'fix' above."),
    # names
    "settings": ("Cài đặt", "Settings"),
    "database": ("Cơ sở dữ liệu", "Database"),
    "permissions": ("Quyền truy cập tệp", "File permissions"),
    "disk": ("Dung lượng đĩa", "Disk space"),
    "chromium": ("Chromium (ảnh biểu đồ, PDF)", "Chromium (chart images, PDF)"),
    "fonts": ("Phông chữ tiếng Việt", "Vietnamese fonts"),
    "control": ("Kênh điều khiển", "Control channel"),
    "health": ("Máy chủ web", "Web server"),
    # findings
    "settings.ok": ("{n} cài đặt hợp lệ", "{n} settings valid"),
    "settings.bad": ("{name} = «{value}»: {why}", "{name} = '{value}': {why}"),
    "settings.number": ("cần một số lớn hơn 0", "must be a number above 0"),
    "settings.lang": ("chỉ nhận vi hoặc en", "must be vi or en"),
    "settings.bool": ("chỉ nhận true hoặc false", "must be true or false"),
    "settings.file": ("không có tệp này", "no such file"),
    "settings.fix": ("sửa biến môi trường (hoặc .streamlit/secrets.toml), xem README «Cài đặt / Settings»",
                     "correct the environment variable (or .streamlit/secrets.toml), see README 'Settings'"),
    "db.missing": ("chưa có tệp {db}", "{db} does not exist"),
    "db.missing.fix": ("chạy: python -m reformdash --db {db} init", "run: python -m reformdash --db {db} init"),
    "db.ok": ("{db}: lược đồ {schema}/{latest}, {tables} bảng, {rows} dòng đọc trọn vẹn (mọi khối đúng checksum)",
              "{db}: schema {schema}/{latest}, {tables} tables, {rows} rows read whole (every block's checksum ok)"),
    "db.held": ("{db} đang được bảng điều khiển giữ (tiến trình {pid}); đã kiểm tra qua kênh điều khiển",
                "{db} is held by the dashboard (process {pid}); checked through its control channel"),
    "db.held_unknown": ("{db} đang bị một chương trình khác giữ, và không liên lạc được với bảng điều khiển",
                        "{db} is held by another program, and the dashboard cannot be reached"),
    "db.held_unknown.fix": ("xem mục «Kênh điều khiển» bên dưới", "see 'Control channel' below"),
    "db.broken": ("không mở hoặc không đọc trọn được {db}: {error}", "{db} cannot be opened or read whole: {error}"),
    "db.broken.fix": ("khôi phục bản sao lưu gần nhất: python -m reformdash --db {db} restore SAO_LUU.zip --force",
                      "restore the latest backup: python -m reformdash --db {db} restore BACKUP.zip --force"),
    "db.old_schema": ("lược đồ {schema}, chương trình cần {latest}", "schema {schema}, the program needs {latest}"),
    "db.old_schema.fix": ("chạy: python -m reformdash --db {db} init (nâng cấp, giữ dữ liệu)",
                          "run: python -m reformdash --db {db} init (upgrades, keeps the data)"),
    "db.new_schema": ("lược đồ {schema} mới hơn chương trình ({latest})",
                      "schema {schema} is newer than the program ({latest})"),
    "db.new_schema.fix": ("cập nhật mã nguồn reformdash lên bản mới nhất", "update reformdash's code"),
    "perm.ok": ("chỉ tài khoản chủ sở hữu đọc được {files}", "only the owner can read {files}"),
    "perm.bad": ("{file} có quyền {mode}: người dùng khác trên máy đọc được (trong đó có mã băm mật khẩu)",
                 "{file} has mode {mode}: other users of the machine can read it (it holds password hashes)"),
    "perm.fix": ("chạy: chmod 600 {files}", "run: chmod 600 {files}"),
    "perm.windows": ("Windows: quyền do ACL của thư mục quyết định", "Windows: the folder's ACL decides"),
    "disk.ok": ("còn trống {free} MB ở {folder} (cần ít nhất {need} MB)",
                "{free} MB free at {folder} (at least {need} MB needed)"),
    "disk.bad": ("chỉ còn {free} MB ở {folder}; cần ít nhất {need} MB (sao lưu và ghi cần thêm cỡ một lần cơ sở dữ "
                 "liệu)",
                 "only {free} MB free at {folder}; at least {need} MB needed (backups and writes need about the "
                 "database's size again)"),
    "disk.fix": ("xóa bản sao lưu cũ hoặc tệp không cần trên ổ đĩa này, hoặc chuyển REFORMDASH_DB sang ổ khác",
                 "delete old backups or other files on that disk, or move REFORMDASH_DB to another disk"),
    "chromium.ok": ("{path}: {version}", "{path}: {version}"),
    "chromium.missing": ("không có {path} (các trang vẫn chạy; nút ảnh PNG/SVG và PDF báo thiếu chromium)",
                         "{path} is missing (pages work; PNG/SVG and PDF buttons say chromium is missing)"),
    "chromium.broken": ("{path} không chạy được: {error}", "{path} does not run: {error}"),
    "chromium.fix": ("chạy (quyền root): apt-get install -y chromium; hoặc đặt REFORMDASH_CHROMIUM",
                     "run (as root): apt-get install -y chromium; or set REFORMDASH_CHROMIUM"),
    "fonts.ok": ("{fonts}", "{fonts}"),
    "fonts.none": ("không có phông chữ nào hỗ trợ tiếng Việt (ảnh và PDF sẽ mất dấu)",
                   "no font supports Vietnamese (images and PDFs would lose the diacritics)"),
    "fonts.no_fc": ("không có lệnh fc-list (fontconfig)", "fc-list (fontconfig) is missing"),
    "fonts.fix": ("chạy (quyền root): apt-get install -y fontconfig fonts-dejavu-core fonts-noto-core",
                  "run (as root): apt-get install -y fontconfig fonts-dejavu-core fonts-noto-core"),
    "control.ok": ("bảng điều khiển (tiến trình {pid}) nhận lệnh qua {address}",
                   "the dashboard (process {pid}) takes commands at {address}"),
    "control.idle": ("bảng điều khiển chưa giữ cơ sở dữ liệu: lệnh chạy trực tiếp",
                     "no dashboard holds the database: commands run directly"),
    "control.bad": ("không liên lạc được: {error}", "cannot be reached: {error}"),
    "control.fix": ("chạy lệnh bằng tài khoản chạy bảng điều khiển (sudo -u reformdash …); nếu bảng điều khiển đã "
                    "dừng bất thường, khởi động lại dịch vụ: systemctl restart reformdash",
                    "run the command as the account that runs the dashboard (sudo -u reformdash …); if the dashboard "
                    "stopped abnormally, restart it: systemctl restart reformdash"),
    "health.ok": ("{url} trả lời «ok»", "{url} answers 'ok'"),
    "health.bad": ("{url} không trả lời: {error}", "{url} does not answer: {error}"),
    "health.fix": ("xem nhật ký: journalctl -u reformdash -n 100; khởi động lại: systemctl restart reformdash",
                   "read the log: journalctl -u reformdash -n 100; restart: systemctl restart reformdash"),
}


def w(key: str, lang: str, **params: object) -> str:
    """A doctor's sentence in `lang`."""
    vi, en = WORDS[key]
    return (en if lang == "en" else vi).format(**params)


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
            bad.append(w("settings.bad", lang, name=name, value=value, why=w("settings.number", lang)))
    if settings.get("REFORMDASH_LANG") not in ("vi", "en"):
        bad.append(w("settings.bad", lang, name="REFORMDASH_LANG", value=settings.get("REFORMDASH_LANG"),
                     why=w("settings.lang", lang)))
    login = settings.get("REFORMDASH_LOGIN_REQUIRED").strip().lower()
    if login not in TRUE_WORDS:
        bad.append(w("settings.bad", lang, name="REFORMDASH_LOGIN_REQUIRED", value=login, why=w("settings.bool", lang)))
    template = settings.get("REFORMDASH_PPTX_TEMPLATE")
    if template and not Path(template).is_file():
        bad.append(w("settings.bad", lang, name="REFORMDASH_PPTX_TEMPLATE", value=template,
                     why=w("settings.file", lang)))
    if bad:
        return Finding(w("settings", lang), False, "; ".join(bad), w("settings.fix", lang))
    return Finding(w("settings", lang), True, w("settings.ok", lang, n=len(settings.SETTINGS)))


def _held(error: Exception) -> bool:
    return "could not set lock" in str(error).lower()


def check_database(db: str, lang: str) -> Finding:
    name = w("database", lang)
    if not Path(db).is_file():
        return Finding(name, False, w("db.missing", lang, db=db), w("db.missing.fix", lang, db=db))
    latest = latest_schema()
    try:
        conn = duckdb.connect(db, read_only=True, config=DUCKDB_CONFIG)
    except duckdb.Error as e:
        if not _held(e):
            return Finding(name, False, w("db.broken", lang, db=db, error=str(e).splitlines()[0]),
                           w("db.broken.fix", lang, db=db))
        facts = _facts_from_dashboard(db, lang)
        if facts is None:
            return Finding(name, False, w("db.held_unknown", lang, db=db), w("db.held_unknown.fix", lang))
        if "error" in facts:
            return Finding(name, False, w("db.broken", lang, db=db, error=facts["error"]),
                           w("db.broken.fix", lang, db=db))
        detail = w("db.held", lang, db=db, pid=facts.get("pid", "?"))
    else:
        try:
            facts = database_facts(conn)
        except duckdb.Error as e:
            return Finding(name, False, w("db.broken", lang, db=db, error=str(e).splitlines()[0]),
                           w("db.broken.fix", lang, db=db))
        finally:
            conn.close()
        detail = ""
    if facts["schema"] < latest:
        return Finding(name, False, w("db.old_schema", lang, schema=facts["schema"], latest=latest),
                       w("db.old_schema.fix", lang, db=db))
    if facts["schema"] > latest:
        return Finding(name, False, w("db.new_schema", lang, schema=facts["schema"], latest=latest),
                       w("db.new_schema.fix", lang))
    ok = w("db.ok", lang, db=db, schema=facts["schema"], latest=latest, tables=facts["tables"], rows=facts["rows"])
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
    name = w("permissions", lang)
    if os.name == "nt":
        return Finding(name, None, w("perm.windows", lang))
    files = [p for p in (Path(db), Path(db + ".wal"), Path(db + ".control")) if p.exists()]
    if not files:
        return Finding(name, None, w("db.missing", lang, db=db))
    bad = [p for p in files if stat.S_IMODE(p.stat().st_mode) & 0o077]
    if bad:
        detail = "; ".join(w("perm.bad", lang, file=p, mode=oct(stat.S_IMODE(p.stat().st_mode))[2:]) for p in bad)
        return Finding(name, False, detail, w("perm.fix", lang, files=" ".join(str(p) for p in bad)))
    return Finding(name, True, w("perm.ok", lang, files=", ".join(p.name for p in files)))


def check_disk(db: str, lang: str) -> Finding:
    folder = Path(db).resolve().parent
    while not folder.exists():
        folder = folder.parent
    size_mb = Path(db).stat().st_size / 2**20 if Path(db).is_file() else 0
    need = int(max(MIN_FREE_MB, FREE_FACTOR * size_mb))
    free = int(shutil.disk_usage(folder).free / 2**20)
    if free < need:
        return Finding(w("disk", lang), False, w("disk.bad", lang, free=free, folder=folder, need=need),
                       w("disk.fix", lang))
    return Finding(w("disk", lang), True, w("disk.ok", lang, free=free, folder=folder, need=need))


def check_chromium(lang: str) -> Finding:
    name = w("chromium", lang)
    path = settings.get("REFORMDASH_CHROMIUM")
    found = path if Path(path).is_file() else shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        return Finding(name, False, w("chromium.missing", lang, path=path), w("chromium.fix", lang))
    try:
        done = subprocess.run([found, "--headless", "--no-sandbox", "--version"], capture_output=True, text=True,
                              timeout=60)
        version = done.stdout.strip().splitlines()[0] if done.stdout.strip() else ""
        if done.returncode != 0 or not version:
            raise OSError((done.stderr.strip() or f"exit {done.returncode}").splitlines()[-1])
    except (OSError, subprocess.TimeoutExpired) as e:
        return Finding(name, False, w("chromium.broken", lang, path=found, error=e), w("chromium.fix", lang))
    return Finding(name, True, w("chromium.ok", lang, path=found, version=version))


def check_fonts(lang: str) -> Finding:
    name = w("fonts", lang)
    fc_list = shutil.which("fc-list")
    if os.name == "nt":
        return Finding(name, None, "Windows: Arial, Times New Roman, Segoe UI")
    if not fc_list:
        return Finding(name, False, w("fonts.no_fc", lang), w("fonts.fix", lang))
    done = subprocess.run([fc_list, ":lang=vi", "family"], capture_output=True, text=True, timeout=60)
    families = sorted({f.split(",")[0].strip() for f in done.stdout.splitlines() if f.strip()})
    if not families:
        return Finding(name, False, w("fonts.none", lang), w("fonts.fix", lang))
    return Finding(name, True, w("fonts.ok", lang, fonts=", ".join(families[:6]) + (" …" if len(families) > 6 else "")))


def check_control(db: str, lang: str) -> Finding:
    from reformdash import control

    name = w("control", lang)
    try:
        duckdb.connect(db, read_only=True, config=DUCKDB_CONFIG).close()
        return Finding(name, None, w("control.idle", lang))
    except duckdb.Error as e:
        if not _held(e):
            return Finding(name, None, w("control.idle", lang))
    try:
        info = control.read_control(db, lang)
        answer = control.send(info, {"ping": True}, lang)
    except control.Unreachable as e:
        return Finding(name, False, w("control.bad", lang, error=e), w("control.fix", lang))
    return Finding(name, True, w("control.ok", lang, pid=answer.get("pid", "?"), address=info["address"]))


def check_health(url: str, lang: str) -> Finding:
    name = w("health", lang)
    health = url.rstrip("/") + "/_stcore/health"
    try:
        with urllib.request.urlopen(health, timeout=10) as response:  # noqa: S310 (an address the admin typed)
            body = response.read(100).decode(errors="replace").strip()
        if body != "ok":
            raise OSError(body)
    except (urllib.error.URLError, OSError, ValueError) as e:
        return Finding(name, False, w("health.bad", lang, url=health, error=e), w("health.fix", lang))
    return Finding(name, True, w("health.ok", lang, url=health))


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
            print(f"    → {w('fix', lang)}: {f.fix}", file=out)
    failed = sum(1 for f in findings if f.ok is False)
    print(w("summary.bad", lang, n=failed) if failed else w("summary.ok", lang), file=out)
    return 1 if failed else 0
