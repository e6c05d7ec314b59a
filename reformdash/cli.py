"""Command line: the same functions as the pages, no Streamlit. Exit 0 ok, 2 rejected input, 1 anything else."""

from __future__ import annotations

import argparse
import contextvars
import json
import sys

import duckdb
import pandas as pd

from reformdash import goals, service, settings
from reformdash.errors import ImportRejected, ReformdashError, Rejected, StoreBusy
from reformdash.ingest.importer import ImportOptions
from reformdash.store import DiskFull, write_csv
from reformdash.words import format_number, t

EXIT_OK, EXIT_ERROR, EXIT_REJECTED = 0, 1, 2
# A command the dashboard runs for the control channel (reformdash/control.py) takes its input files, password and
# user name from the caller, never from the dashboard's own process: {"files": {path: bytes}, "password", "user"}.
REMOTE: contextvars.ContextVar[dict | None] = contextvars.ContextVar("remote", default=None)
# They work on the file itself (backup copies a held file; restore must not replace a database in use; doctor looks
# at the installation and asks the dashboard only what it must).
LOCAL_ONLY = ("backup", "restore", "doctor")


def build_parser(lang: str = "vi") -> argparse.ArgumentParser:
    """The argument parser of the CLI contract (its few Vietnamese glosses in `lang`)."""
    p = argparse.ArgumentParser(prog="python -m reformdash", description=t("cli.help.description", lang))
    p.add_argument("--db", help="database file (default $REFORMDASH_DB or data/reformdash.duckdb)")
    p.add_argument("--lang", choices=["vi", "en"], default=None, help="language of messages (default vi)")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("init", help="create or migrate the database, with the demo data if it is empty")
    s.add_argument("--no-demo", action="store_true", help="do not load the demo data")

    s = sub.add_parser("import", help="import spreadsheets (xlsx, xls, ods, csv)")
    s.add_argument("files", nargs="+", metavar="FILE")
    s.add_argument("--index", help="index code when the file does not say it (PCI, PAPI, PAR_INDEX, SIPAS…)")
    s.add_argument("--year", type=int, help="year when the file does not say it")
    s.add_argument("--sheet", help="sheet to read (default: found by content)")
    s.add_argument("--level", choices=["province", "ministry", "unit"], help="what the rows are")
    s.add_argument("--parent", help="parent entity of units (name or code)")
    s.add_argument("--create-units", action="store_true", help="register unknown units under --parent")
    s.add_argument("--name", action="append", default=[], metavar="TEXT=CODE",
                   help="a name in the file is this entity (code), remembered as an alias with the batch; "
                        "CODE '-' skips the row (repeatable)")
    s.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
    s.add_argument("--column", action="append", default=[], metavar="HEADER=MEANING",
                   type=lambda text: column_option(text, lang),
                   help="say what a column holds, by header text or letter: "
                        "overall|rank|tier|year|component:CODE|ignore (repeatable)")

    s = sub.add_parser("batches", help="list import batches")
    s.add_argument("--format", choices=["table", "csv", "json"], default="table")

    s = sub.add_parser("revert", help="undo an import batch, restoring the values it replaced")
    s.add_argument("batch_id", type=int, metavar="BATCH_ID")

    s = sub.add_parser("remove-sample", help=t("cli.help.remove_sample", lang))

    s = sub.add_parser("scores", help="print stored scores")
    s.add_argument("--index", required=True)
    s.add_argument("--year", type=int)
    s.add_argument("--entity", help="name or code")
    s.add_argument("--format", choices=["table", "csv", "json"], default="table")

    s = sub.add_parser("changes", help="rank changes between two years")
    s.add_argument("--index", required=True)
    s.add_argument("--from", dest="from_year", type=int, required=True)
    s.add_argument("--to", dest="to_year", type=int, required=True)
    s.add_argument("--component", help="component name or code (default: the overall score)")
    s.add_argument("--format", choices=["table", "csv", "json"], default="table")

    s = sub.add_parser("goals", help=t("cli.help.goals", lang))
    goal_sub = s.add_subparsers(dest="goals_command", required=True)
    g = goal_sub.add_parser("import", help="import goals from a spreadsheet (xlsx, xls, ods, csv)")
    g.add_argument("file", metavar="FILE")
    g = goal_sub.add_parser("status", help="every goal: met, not_met or no_data, with the numbers behind it")
    g.add_argument("--format", choices=["table", "csv", "json"], default="table")

    _plan_parsers(sub, lang)

    s = sub.add_parser("settings", help="the organisation's settings: focus, name, default peers (also on the "
                                        "Registry page)")
    set_sub = s.add_subparsers(dest="settings_command", required=True)
    u = set_sub.add_parser("show", help="the settings in force, and the log of changes with --log")
    u.add_argument("--log", action="store_true", help="every change: when, who, old and new value")
    u.add_argument("--format", choices=["table", "csv", "json"], default="table")
    u = set_sub.add_parser("set", help=t("cli.help.settings_set", lang))
    u.add_argument("pairs", nargs="+", metavar="KEY=VALUE")

    s = sub.add_parser("users", help="accounts for signing in to the dashboard (password: prompt or "
                                     "$REFORMDASH_PASSWORD, never an argument)")
    user_sub = s.add_subparsers(dest="users_command", required=True)
    u = user_sub.add_parser("add", help="create an account")
    u.add_argument("name", metavar="NAME")
    u.add_argument("--role", required=True, metavar="viewer|editor|admin")
    u.add_argument("--email", help="e-mail address that single sign-on matches to this account")
    u.add_argument("--no-password", action="store_true", help="no password: sign in only through single sign-on")
    u = user_sub.add_parser("list", help="every account (never the password hashes)")
    u.add_argument("--format", choices=["table", "csv", "json"], default="table")
    u = user_sub.add_parser("disable", help="stop an account from signing in (its history stays)")
    u.add_argument("name", metavar="NAME")
    u = user_sub.add_parser("enable", help="let a disabled account sign in again")
    u.add_argument("name", metavar="NAME")
    u = user_sub.add_parser("password", help="set a new password")
    u.add_argument("name", metavar="NAME")
    u = user_sub.add_parser("failed-logins", help="failed sign-ins, newest first: when, name typed, address, outcome")
    u.add_argument("--format", choices=["table", "csv", "json"], default="table")

    s = sub.add_parser("export", help="the meeting briefing of an entity and year as a deck (pptx), a PDF, a workbook "
                                      "(xlsx), or its charts as images (png, svg: --out is a folder)")
    s.add_argument("format", choices=["pptx", "pdf", "xlsx", "png", "svg"])
    s.add_argument("--entity", required=True, help="name or code of the province, ministry or unit")
    s.add_argument("--year", type=int, required=True)
    s.add_argument("--out", required=True, metavar="FILE")
    s.add_argument("--organisation", help="organisation named on the title slide")
    s.add_argument("--meeting", help=t("cli.help.meeting", lang))
    s.add_argument("--template", metavar="FILE", help="PowerPoint template (default $REFORMDASH_PPTX_TEMPLATE)")

    s = sub.add_parser("backup", help="copy the database into one .zip file (works while the dashboard runs)")
    s.add_argument("file", metavar="FILE")
    s.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    s = sub.add_parser("restore", help="check a backup and restore it to --db (the old file is kept as .bak)")
    s.add_argument("file", metavar="FILE")
    s.add_argument("--force", action="store_true", help="replace an existing database (kept as .bak)")
    s = sub.add_parser("doctor", help="check the installation: database, permissions, disk space, control channel, "
                                      "chromium, fonts, settings (and --url's health); says what to fix")
    s.add_argument("--url", help="the dashboard's address, to check its health endpoint (http://127.0.0.1:8501)")
    return p


def _plan_parsers(sub, lang: str) -> None:
    """The plan's commands (issue 12): plan import / plan status, results import, deadlines."""
    s = sub.add_parser("plan", help=t("cli.help.plan", lang))
    plan_sub = s.add_subparsers(dest="plan_command", required=True)
    g = plan_sub.add_parser("import", help="import a plan's indicators and targets (and its tasks, calendar)")
    g.add_argument("file", metavar="FILE")
    g.add_argument("--parent", help="the department whose plan it is (name or code)")
    g.add_argument("--create-units", action="store_true", help="register unknown units under --parent")
    g.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
    g = plan_sub.add_parser("status", help="every target: met, on_track, at_risk, not_met or no_data")
    g.add_argument("--period", help="2026, 2026-H1, 2026-Q3 or 2026-07 (default: every period with data)")
    g.add_argument("--parent", help="one department's plan (default: every plan)")
    g.add_argument("--format", choices=["table", "csv", "json"], default="table")
    g.add_argument("--today", help=argparse.SUPPRESS)  # tests: the day a year counts as finished
    s = sub.add_parser("results", help="units' values of the plan's indicators for periods")
    res_sub = s.add_subparsers(dest="results_command", required=True)
    g = res_sub.add_parser("import", help="import units' periodic results (one table, or one sheet per unit)")
    g.add_argument("file", metavar="FILE")
    g.add_argument("--period", help="the period of rows that do not state one (e.g. 2026-Q3)")
    g.add_argument("--parent", help="the department whose units sent them (name or code)")
    g.add_argument("--create-units", action="store_true", help="register unknown units under --parent")
    g.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
    g.add_argument("--today", help=argparse.SUPPRESS)
    s = sub.add_parser("deadlines", help="reports due, received and late, per unit and period")
    s.add_argument("--period", help="one period (default: every period already due)")
    s.add_argument("--parent", help="one department's plan (default: every plan)")
    s.add_argument("--format", choices=["table", "csv", "json"], default="table")
    s.add_argument("--today", help=argparse.SUPPRESS)


def _today(args):
    import datetime as dt

    return dt.date.fromisoformat(args.today) if getattr(args, "today", None) else None


def _period_arg(value: str | None, lang: str) -> None:
    """Refuse a malformed --period before anything is read (exit 2)."""
    from reformdash.plan.periods import is_period

    if value and not is_period(value):
        from reformdash.errors import Problem

        raise ImportRejected([Problem("plan.bad_period", "--period", value=value)], lang)


def _plan_import(store, args, lang, what: str) -> int:
    from reformdash.plan import model, sheets

    _period_arg(getattr(args, "period", None), lang)
    name = args.file.replace("\\", "/").rsplit("/", 1)[-1]
    options = sheets.Options(parent=args.parent, create_units=args.create_units, period=getattr(args, "period", None),
                             lang=lang, today=_today(args))
    change = model.preview(store, sheets.read_any(store, service.read_file(args.file), name, what, options))
    print(f"{name} [{change.sheets}]: {change.summary(lang)}")
    for note in change.notes:
        print(f"  ! {note}")
    if args.dry_run:
        print(t("cli.dry_run", lang))
        return EXIT_OK
    batch_id = model.commit(store, change, settings.default_user())
    print(t("plan.nothing_changed", lang) if batch_id is None else
          t("plan.imported", lang, batch=batch_id, summary=change.summary(lang)))
    return EXIT_OK


def cmd_plan(store, args, lang) -> int:
    if args.plan_command == "import":
        return _plan_import(store, args, lang, "plan")
    from reformdash.plan import judge

    _period_arg(args.period, lang)
    frame = judge.evaluate(store, args.period, _parent_code(store, args.parent, lang), _today(args), lang)
    output(frame[judge.CLI_COLUMNS], args.format)
    if args.format == "table":
        for number, detail in enumerate(frame["detail"], start=1):
            print(f"{number}. {detail}")
    return EXIT_OK


def cmd_results(store, args, lang) -> int:
    return _plan_import(store, args, lang, "results")


def cmd_deadlines(store, args, lang) -> int:
    from reformdash.plan import deadlines

    _period_arg(args.period, lang)
    frame = deadlines.deadlines(store, args.period, _parent_code(store, args.parent, lang), _today(args), lang)
    output(frame[deadlines.CLI_COLUMNS], args.format)
    return EXIT_OK


def _parent_code(store, text: str | None, lang: str) -> str | None:
    from reformdash.registry import Registry

    return Registry.load(store).get(text, lang=lang).code if text else None


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the exit code."""
    given = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(_lang_asked(given)).parse_args(argv)
    lang = args.lang or settings.get("REFORMDASH_LANG")
    if args.command == "doctor":
        from reformdash import doctor

        return doctor.report(doctor.run(service.db_path(args.db), lang, args.url), lang)
    if args.command in LOCAL_ONLY:  # they must not open (and lock, or migrate) the database first
        return cmd_backup_restore(args, lang)
    try:
        store = service.open_store(args.db)
    except StoreBusy as e:
        if "could not set lock" in str(e.__cause__).lower():  # another process holds the file: the dashboard, normally
            return run_in_dashboard(list(sys.argv[1:] if argv is None else argv), args, lang)
        print(say(e, lang), file=sys.stderr)
        return EXIT_ERROR
    except ReformdashError as e:
        print(say(e, lang), file=sys.stderr)
        return EXIT_ERROR
    try:
        version = store.data_version()
        code = run_command(store, args, lang)
        if settings.get("REFORMDASH_ROLE") == "writer" and store.data_version() != version:
            from reformdash import replica

            replica.publish(store)  # no dashboard was running: the readers still get this write
        return code
    finally:
        store.close()


def _lang_asked(argv: list[str]) -> str:
    """The language the command line asks for, before parsing (help and argument errors speak it too)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("vi", "en"):
            return argv[i + 1]
        if arg in ("--lang=vi", "--lang=en"):
            return arg.split("=", 1)[1]
    lang = settings.get("REFORMDASH_LANG")
    return lang if lang in ("vi", "en") else "vi"


def say(error: ReformdashError, lang: str) -> str:
    """The error's sentence in `lang` (DiskFull knows both languages and adds the database path here)."""
    return error.text(lang, path=True) if isinstance(error, DiskFull) else error.text(lang)


def run_in_dashboard(argv: list[str], args, lang: str) -> int:
    """The database is held (by the dashboard): run the command there through its control channel."""
    from reformdash import control

    inputs = list(args.files) if args.command == "import" else (
        [args.file] if args.command == "goals" and args.goals_command == "import" else [])
    password = None
    if args.command == "users" and (args.users_command == "password"
                                    or (args.users_command == "add" and not args.no_password)):
        try:
            password = read_password(lang)
        except ReformdashError as e:
            print(e.text(lang), file=sys.stderr)
            return EXIT_REJECTED
    return control.run_remote(argv, args, lang, service.db_path(args.db), inputs, password, default_user())


def default_user() -> str:
    """Who runs the command: the caller's name when the dashboard runs it for the control channel."""
    remote = REMOTE.get()
    return (remote or {}).get("user") or settings.default_user()


def read_input(path: str, lang: str = "vi") -> bytes:
    """An input file's bytes (sent along by the caller when the dashboard runs the command)."""
    remote = REMOTE.get()
    if remote is None:
        return service.read_file(path, lang)
    if path not in remote["files"]:  # never a file of the dashboard's own machine
        raise ReformdashError(t("no_such_file", lang, path=path), t("no_such_file.title", lang))
    return remote["files"][path]


def run_command(store, args, lang: str) -> int:
    """Run a parsed command on an open store; print its result or one sentence; the exit code."""
    try:
        return COMMANDS[args.command](store, args, lang)
    except BrokenPipeError:
        return EXIT_OK  # output piped into `head`: not an error
    except ImportRejected as e:
        print(f"{e.heading(lang)}:\n{e.text(lang)}", file=sys.stderr)
        return EXIT_REJECTED
    except Rejected as e:  # whatever refuses the reader's request, whichever module: exit 2 (DESIGN §5)
        print(e.text(lang), file=sys.stderr)
        return EXIT_REJECTED
    except ReformdashError as e:
        print(say(e, lang), file=sys.stderr)
        return EXIT_ERROR
    except duckdb.Error as e:  # one sentence, not a traceback
        print(t("cli.db_error", lang, detail=str(e).splitlines()[0]), file=sys.stderr)
        return EXIT_ERROR


def cmd_init(store, args, lang) -> int:
    ids = service.init(store, demo=not args.no_demo, user=default_user())
    print(t("cli.db_ready", lang, path=store.path))
    if ids:
        print(t("cli.demo_loaded", lang, count=len(ids), ids=", ".join(map(str, ids))))
    return EXIT_OK


def cmd_import(store, args, lang) -> int:
    try:
        names = name_options(args.name)
    except ValueError as e:  # bad input: exit 2, nothing read or written
        print(t("alias_bad_option", lang, value=e.args[0]), file=sys.stderr)
        return EXIT_REJECTED
    options = ImportOptions(index=args.index, year=args.year, sheet=args.sheet, level=args.level,
                            parent=args.parent, create_units=args.create_units, lang=lang,
                            columns=column_options(args.column) or None, names=names or None)
    plans = []
    problems = []
    for path in args.files:
        data = read_input(path, lang)
        name = path.replace("\\", "/").rsplit("/", 1)[-1]
        try:
            plans.append(service.plan_file(store, data, name, options))
        except ImportRejected as e:
            problems.extend(e.problems)
    if problems:
        raise ImportRejected(problems, lang)
    for plan in plans:
        print_plan(plan, lang, verbose=args.dry_run)
        if args.dry_run:
            continue
        from reformdash.batches import commit

        batch_id = commit(store, plan, default_user(), aliases=aliases_of(names), lang=lang)
        if batch_id is None:
            print("  " + t("cli.nothing_changed", lang))
        else:
            print("  " + t("cli.written", lang, batch=batch_id))
    if args.dry_run:
        print(t("cli.dry_run", lang))
    return EXIT_OK


MEANINGS = ("overall", "rank", "tier", "year", "rank_of", "ignore")


def column_option(text: str, lang: str = "vi") -> tuple[str, str]:
    """One --column "HEADER=MEANING" (header text or column letter; the meaning after the last '=')."""
    key, sep, meaning = text.rpartition("=")
    meaning = meaning.strip()
    if not sep or not key.strip() or not (meaning in MEANINGS or meaning.startswith("component:")):
        raise argparse.ArgumentTypeError(t("cli.column_option_bad", lang, text=text))
    return key.strip(), meaning


def column_options(said: list[tuple[str, str]]) -> dict:
    """--column options as ImportOptions.columns (header text or letter -> meaning)."""
    return dict(said)


def name_options(given: list[str]) -> dict[str, str]:
    """--name "TEXT=CODE" options as text -> entity code ('-' = skip the row); ValueError(option) if malformed."""
    names = {}
    for item in given or []:
        text, sep, code = item.rpartition("=")
        if not sep or not text.strip() or not code.strip():
            raise ValueError(item)
        names[text.strip()] = code.strip()
    return names


def aliases_of(names: dict[str, str]) -> dict[str, str]:
    """The names to remember as aliases: every hand-made match except skipped rows."""
    from reformdash.ingest.layout import NEW_UNIT, SKIP_ROW

    return {text: code for text, code in names.items() if code not in (SKIP_ROW, NEW_UNIT)}


def print_plan(plan, lang: str, verbose: bool, limit: int = 40) -> None:
    """What a file holds and what it would change."""
    a = plan.analysis
    years = ", ".join(map(str, a.years))
    labels = [t(k, lang) for k in ("cli.plan.added", "cli.plan.changed", "cli.plan.unchanged", "cli.plan.new_units")]
    print(f"{a.file_name} [{a.sheets}] {', '.join(a.index_codes)} {years}: "
          f"{labels[0]} {len(plan.added)}, {labels[1]} {len(plan.changed)}, {labels[2]} {plan.unchanged}"
          + (f", {labels[3]} {len(a.new_units)}" if a.new_units else ""))
    for note in a.notes:
        print(f"  ! {note}")
    if verbose:  # nothing dropped silently: every column not used, with the reason
        for sheet, letter, header, why in getattr(a, "unused", []):
            where = "" if sheet == "csv" else f"{sheet} "
            print(f"  - {where}{letter} «{header}»: {why}" if header else f"  - {where}{letter}: {why}")
    if not verbose:
        return
    for row in plan.changed.head(limit).itertuples(index=False):
        comp = f"·{row.component_code}" if row.component_code else ""
        print(f"  ~ {row.index_code} {row.year} {row.entity_code}{comp}: "
              f"{format_number(row.old_value, lang, 4)} → {format_number(row.value, lang, 4)}"
              f" ({t('cli.plan.rank_change', lang, old=row.old_rank, new=row.rank)})")
    if len(plan.changed) > limit:
        print(f"  … {len(plan.changed) - limit}")
    for row in plan.added.head(10 if len(plan.changed) else limit).itertuples(index=False):
        comp = f"·{row.component_code}" if row.component_code else ""
        print(f"  + {row.index_code} {row.year} {row.entity_code}{comp}: {format_number(row.value, lang, 4)}")


def cmd_batches(store, args, lang) -> int:
    frame = store.df("batches_list")
    if args.format == "json":  # the columns not used as a list, not a JSON text inside JSON
        frame["unused"] = [json.loads(x) if isinstance(x, str) else [] for x in frame["unused"]]
    output(frame, args.format)
    return EXIT_OK


def cmd_revert(store, args, lang) -> int:
    from reformdash.batches import revert

    result = revert(store, args.batch_id, lang)
    print(t("cli.reverted", lang, batch=result["batch_id"], removed=result["removed"], restored=result["restored"]))
    return EXIT_OK


def cmd_remove_sample(store, args, lang) -> int:
    print(t("sample_removed", lang, **service.remove_sample(store, lang)))
    return EXIT_OK


def cmd_scores(store, args, lang) -> int:
    output(service.scores(store, args.index, args.year, args.entity, lang), args.format)
    return EXIT_OK


def cmd_changes(store, args, lang) -> int:
    output(service.changes(store, args.index, args.from_year, args.to_year, args.component, lang), args.format)
    return EXIT_OK


def cmd_goals(store, args, lang) -> int:
    if args.goals_command == "import":
        name = args.file.replace("\\", "/").rsplit("/", 1)[-1]
        count = goals.import_goals(store, read_input(args.file, lang), name, lang)
        print(goals.t("goal.imported", lang, count=count, file=name))
        return EXIT_OK
    result = goals.evaluate_goals(store, lang)
    frame = result[goals.CLI_COLUMNS].copy()
    for c in ("target", "actual"):  # ranks and places read as 5, not 5.0
        frame[c] = pd.Series([int(x) if pd.notna(x) and float(x).is_integer() else x for x in frame[c]],
                             index=frame.index, dtype=object)
    output(frame, args.format)
    if args.format == "table":
        for number, detail in enumerate(result["detail"], start=1):
            print(f"{number}. {detail}")
    return EXIT_OK


def read_password(lang: str) -> str:
    """The new password from $REFORMDASH_PASSWORD, else typed twice without echo (never a command argument)."""
    import getpass
    import os

    from reformdash.auth import UserRejected

    remote = REMOTE.get()
    if remote is not None:  # the caller read it (never prompt inside the dashboard)
        if remote.get("password") is None:
            raise UserRejected(t("cli.password.not_sent", lang), t("cli.password", lang))
        return remote["password"]
    if os.environ.get("REFORMDASH_PASSWORD"):
        return os.environ["REFORMDASH_PASSWORD"]
    title = t("cli.password", lang)
    try:
        first = getpass.getpass(t("cli.password.prompt", lang))
        second = getpass.getpass(t("cli.password.again", lang))
    except EOFError as e:
        raise UserRejected(t("cli.password.unreadable", lang), title) from e
    if first != second:
        raise UserRejected(t("cli.password.differ", lang), title)
    return first


def cmd_settings(store, args, lang) -> int:
    if args.settings_command == "show":
        if args.log:
            output(settings.organisation_changes(store), args.format)
            return EXIT_OK
        org = settings.organisation(store, lang)
        output(pd.DataFrame({"setting": ["focus", "name", "peers"],
                             "value": [org.focus, org.name, ",".join(org.peers)]}), args.format)
        return EXIT_OK
    values = {}
    for item in args.pairs:
        key, sep, value = item.partition("=")
        if not sep:
            raise Rejected(t("admin.org.bad_pair", lang, item=item), t("admin.org.title", lang))
        values[key.strip()] = value
    changed = settings.set_organisation(store, default_user(), lang, **values)
    print(t("admin.org.changed", lang, what=", ".join(f"{k}={v}" for k, v in changed.items())) if changed
          else t("admin.org.unchanged", lang))
    return EXIT_OK


def cmd_users(store, args, lang) -> int:
    from reformdash import auth

    try:
        if args.users_command == "add":
            # before asking for a password that would be thrown away
            auth.check_new_account(store, args.name, args.role, args.email, lang)
            password = None if args.no_password else read_password(lang)
            name = auth.add_user(store, args.name, args.role, password, email=args.email, lang=lang)
            print(t("cli.user.created", lang, name=name, role=args.role))
        elif args.users_command == "list":
            output(auth.list_users(store), args.format)
        elif args.users_command == "failed-logins":
            output(auth.failed_sign_ins(store, lang), args.format)
        elif args.users_command in ("disable", "enable"):
            name = auth.disable_user(store, args.name, disabled=args.users_command == "disable", lang=lang)
            done = {"disable": "cli.user.disabled", "enable": "cli.user.enabled"}[args.users_command]
            print(t(done, lang, name=name))
        else:
            name = auth.account_name(store, args.name, lang)  # NotFound before asking for a password
            auth.set_password(store, name, read_password(lang), lang=lang)
            print(t("cli.user.password_changed", lang, name=name))
    except auth.UserRejected as e:
        print(e.text(lang), file=sys.stderr)
        return EXIT_REJECTED
    return EXIT_OK


def cmd_export(store, args, lang) -> int:
    from reformdash.briefing import build_briefing

    briefing = build_briefing(store, args.entity, args.year, lang, args.organisation, args.meeting)
    if args.format == "pptx":
        from reformdash.export_pptx import write_pptx

        write_pptx(briefing, args.out, args.template)
    elif args.format == "pdf":
        from reformdash.export_pdf import write_pdf

        write_pdf(briefing, args.out)
    elif args.format in ("png", "svg"):
        from reformdash.export_pdf import write_chart_images

        for path in write_chart_images(briefing, args.out, args.format):
            print(path)
        return EXIT_OK
    else:
        from reformdash.export_xlsx import write_xlsx

        write_xlsx(briefing, args.out)
    print(args.out)
    return EXIT_OK


def cmd_backup_restore(args, lang) -> int:
    from reformdash import backup

    try:
        if args.command == "backup":
            done = backup.backup_file(service.db_path(args.db), args.file, force=args.force, lang=lang)
            print(t("backup.done", lang, tables=len(done["tables"]), rows=sum(done["tables"].values()),
                    file=done["file"], size=format_number(done["bytes"] / 1e6, lang, 1),
                    how=t(f"backup.how.{done['method']}", lang)))
        else:
            done = backup.restore(args.file, service.db_path(args.db), force=args.force, lang=lang)
            print(t("restore.done", lang, backup=args.file, created_at=done["created_at"],
                    tables=len(done["tables"]), rows=sum(done["tables"].values()), file=done["restored_to"]))
            if done["kept"]:
                print(t("restore.kept", lang, file=done["kept"]))
    except backup.BackupRejected as e:
        print(f"{e.heading(lang)}:\n{e.text(lang)}", file=sys.stderr)
        return EXIT_REJECTED
    except ReformdashError as e:
        print(e.text(lang), file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def output(frame: pd.DataFrame, fmt: str) -> None:
    """Print a result as a table, UTF-8 CSV with header, or JSON records."""
    if fmt == "csv":
        write_csv(frame, sys.stdout)
    elif fmt == "json":
        print(json.dumps(json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False)),
                         ensure_ascii=False, indent=1))
    else:
        with pd.option_context("display.max_rows", None, "display.width", 200, "display.max_columns", 20):
            print(frame.drop(columns=[c for c in ("sha256",) if c in frame.columns]).to_string(index=False))


COMMANDS = {
    "init": cmd_init,
    "import": cmd_import,
    "batches": cmd_batches,
    "revert": cmd_revert,
    "remove-sample": cmd_remove_sample,
    "scores": cmd_scores,
    "changes": cmd_changes,
    "goals": cmd_goals,
    "users": cmd_users,
    "settings": cmd_settings,
    "export": cmd_export,
    "plan": cmd_plan,
    "results": cmd_results,
    "deadlines": cmd_deadlines,
}
