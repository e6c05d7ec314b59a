"""The dashboard's local control channel: CLI commands run inside the process that holds the database.

DuckDB lets one process open a file for writing, and no other process may even read it meanwhile. So while the
dashboard runs, `python -m reformdash …` sends its command here instead: the dashboard runs the same CLI functions
on its own Store (one writer lock, batches, all or nothing, revert) and sends back stdout, stderr and the exit code.

- Address: a Unix domain socket `<db>.control.sock` (mode 0600), or on Windows a 127.0.0.1 TCP port.
- `<db>.control` (mode 0600, JSON: pid, family, address, token) tells the CLI where and how to knock.
- A request is one JSON line: token, argv, lang, the caller's user name, its input files' bytes and the password
  (read by the CLI from $REFORMDASH_PASSWORD or a prompt). The token is compared in constant time; the file and
  socket permissions are the first gate (only the account running the dashboard, or root, can read them — the
  same people who could open the database file itself).
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import hmac
import io
import json
import os
import secrets
import shutil
import socket
import socketserver
import sys
import tempfile
import threading
from pathlib import Path

from reformdash import settings
from reformdash.words import t

CONTROL_SUFFIX = ".control"
SOCKET_SUFFIX = ".control.sock"
UNIX_PATH_MAX = 100  # sun_path is 104–108 bytes; longer paths get a socket in a private temporary folder
REQUEST_TIMEOUT = 60.0  # seconds a client may take to send its request
CONNECT_TIMEOUT = 5.0

# The errors the dashboard's side answers with, and their words.
SERVER_ERRORS = {"bad_token": "control.bad_token", "bad_request": "control.bad_request",
                 "too_large": "control.too_large"}


class Unreachable(Exception):
    """The control channel cannot be used (no file, no server, refused)."""


def control_file(db_path: str) -> Path:
    """Where the dashboard says how to reach it: beside the database."""
    return Path(str(db_path) + CONTROL_SUFFIX)


def _write_private(path: Path, text: str) -> None:
    """Write a file readable by its owner only (0600 from its creation), replacing it atomically."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


# -- stdout/stderr per thread ---------------------------------------------------------------------------------------
# The CLI functions print(); a command run for the channel must capture its own output without catching what other
# threads of the dashboard write at the same moment, so sys.stdout/stderr dispatch on the current thread.
_CAPTURE = threading.local()


class _ThreadStream(io.TextIOBase):
    """sys.stdout or sys.stderr that writes to the current thread's capture buffer when it has one."""

    def __init__(self, name: str, fallback):
        self._name = name
        self._fallback = fallback

    def _target(self):
        return getattr(_CAPTURE, self._name, None) or self._fallback

    def write(self, text: str) -> int:
        return self._target().write(text)

    def flush(self) -> None:
        self._target().flush()

    def writable(self) -> bool:
        return True

    def __getattr__(self, name: str):
        return getattr(self._fallback, name)


def _install_streams() -> None:
    if not isinstance(sys.stdout, _ThreadStream):
        sys.stdout = _ThreadStream("stdout", sys.stdout)
    if not isinstance(sys.stderr, _ThreadStream):
        sys.stderr = _ThreadStream("stderr", sys.stderr)


@contextlib.contextmanager
def _captured():
    _install_streams()  # again on every command: something (a test runner) may have replaced sys.stdout since
    out, err = io.StringIO(), io.StringIO()
    _CAPTURE.stdout, _CAPTURE.stderr = out, err
    try:
        yield out, err
    finally:
        _CAPTURE.stdout = _CAPTURE.stderr = None


# -- server (inside the dashboard) ---------------------------------------------------------------------------------
def _max_request_bytes() -> int:
    """A request carries at most a few spreadsheets of the upload limit, base64-encoded."""
    try:
        upload_mb = float(settings.get("REFORMDASH_MAX_UPLOAD_MB"))
    except ValueError:
        upload_mb = 25
    return int((upload_mb * 8 * 4 / 3 + 4) * 1024 * 1024)


def _read_line(conn: socket.socket, limit: int) -> bytes:
    chunks, size = [], 0
    while True:
        chunk = conn.recv(1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if chunk.endswith(b"\n"):
            break
        if size > limit:
            raise ValueError("too_large")
    return b"".join(chunks)


def execute(store, request: dict) -> dict:
    """Run one CLI command for a caller on this process's store: {exit, stdout, stderr, files}."""
    from reformdash import cli

    argv = [str(a) for a in request.get("argv", [])]
    lang = "en" if request.get("lang") == "en" else "vi"
    remote = {"files": {k: base64.b64decode(v) for k, v in (request.get("files") or {}).items()},
              "password": request.get("password"), "user": request.get("user") or None}
    out_dir = None
    with _captured() as (out, err):
        try:
            args = cli.build_parser().parse_args(argv)
        except SystemExit as e:  # argparse already printed its usage to the captured stderr
            return {"exit": int(e.code or 0), "stdout": out.getvalue(), "stderr": err.getvalue(), "files": {}}
        if args.command in cli.LOCAL_ONLY:
            return {"exit": cli.EXIT_ERROR, "stdout": "", "files": {},
                    "stderr": t("control.refused_by_server", lang, reason=args.command) + "\n"}
        if args.command == "export":  # written here into a private folder, sent back, saved by the caller
            out_dir = Path(tempfile.mkdtemp(prefix="reformdash-export-"))
            wanted = args.out
            args.out = str(out_dir / (Path(wanted).name or "out"))
        token = cli.REMOTE.set(remote)
        try:
            code = cli.run_command(store, args, lang)
        finally:
            cli.REMOTE.reset(token)
        files = {}
        stdout = out.getvalue()
        if out_dir is not None:
            produced = Path(args.out)
            for path in sorted(out_dir.rglob("*")):
                if path.is_file():
                    files[str(path.relative_to(produced) if produced.is_dir() else ".")] = \
                        base64.b64encode(path.read_bytes()).decode()
            stdout = stdout.replace(str(produced), wanted)
            shutil.rmtree(out_dir, ignore_errors=True)
        return {"exit": code, "stdout": stdout, "stderr": err.getvalue(), "files": files}


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        server = self.server  # carries store, token, limit and command_lock (ControlServer sets them)
        conn: socket.socket = self.request
        conn.settimeout(REQUEST_TIMEOUT)
        try:
            raw = _read_line(conn, server.limit)
            request = json.loads(raw.decode("utf-8"))
            if not isinstance(request, dict):
                raise ValueError("not an object")
        except ValueError as e:
            reason = "too_large" if str(e) == "too_large" else "bad_request"
            self._send({"error": reason, "detail": str(e)[:200]})
            return
        except OSError:
            return
        given = str(request.get("token", "")).encode()
        if not hmac.compare_digest(given, server.token.encode()):
            self._send({"error": "bad_token"})
            return
        if request.get("ping"):  # `doctor`: is the channel alive?
            self._send({"pid": os.getpid()})
            return
        conn.settimeout(None)  # a large import may take a while
        if request.get("doctor"):  # `doctor`: the database as this process reads it (the file is held here)
            from reformdash.doctor import database_facts

            try:
                facts = {**database_facts(server.store), "pid": os.getpid()}
            except Exception as e:  # a damaged block: the doctor reports it
                facts = {"error": str(e).splitlines()[0] if str(e) else type(e).__name__}
            self._send({"facts": facts})
            return
        with server.command_lock:  # one command at a time, as one administrator's terminal would
            try:
                answer = execute(server.store, request)
            except Exception as e:  # the caller gets one sentence; the dashboard keeps running
                answer = {"exit": 1, "stdout": "", "stderr": f"{type(e).__name__}: {e}\n", "files": {}}
        self._send(answer)

    def _send(self, answer: dict) -> None:
        try:
            self.request.sendall(json.dumps(answer, ensure_ascii=False).encode("utf-8") + b"\n")
        except OSError:
            pass


def _make_server(family: int, address) -> socketserver.BaseServer:
    base = socketserver.UnixStreamServer if family == getattr(socket, "AF_UNIX", None) else socketserver.TCPServer

    class Server(socketserver.ThreadingMixIn, base):
        daemon_threads = True
        allow_reuse_address = False

    return Server(address, _Handler)


class ControlServer:
    """The channel of one database in this process: a listening thread, its socket and its control file."""

    def __init__(self, store):
        self.store = store
        self.db = str(Path(store.path).resolve())
        self.token = secrets.token_hex(32)
        self.file = control_file(self.db)
        self._tmpdir: str | None = None
        if hasattr(socket, "AF_UNIX") and os.name != "nt":
            path = self.db + SOCKET_SUFFIX
            if len(path.encode()) > UNIX_PATH_MAX:
                self._tmpdir = tempfile.mkdtemp(prefix="reformdash-")  # 0700: only this account enters it
                path = str(Path(self._tmpdir) / "control.sock")
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)  # a socket left by a dashboard that was killed
            self.server = _make_server(socket.AF_UNIX, path)
            os.chmod(path, 0o600)
            self.family, self.address = "unix", path
        else:
            self.server = _make_server(socket.AF_INET, ("127.0.0.1", 0))
            self.family, self.address = "tcp", f"127.0.0.1:{self.server.server_address[1]}"
        self.server.store = store
        self.server.token = self.token
        self.server.limit = _max_request_bytes()
        self.server.command_lock = threading.Lock()
        _write_private(self.file, json.dumps({"pid": os.getpid(), "family": self.family, "address": self.address,
                                              "token": self.token, "db": self.db}))
        self.thread = threading.Thread(target=self.server.serve_forever, name="reformdash-control", daemon=True)
        self.thread.start()

    def close(self) -> None:
        """Stop listening; remove the socket and the control file if they are still ours."""
        self.server.shutdown()
        self.server.server_close()
        with contextlib.suppress(OSError, ValueError):
            if json.loads(self.file.read_text(encoding="utf-8")).get("pid") == os.getpid():
                self.file.unlink()
        if self.family == "unix":
            with contextlib.suppress(OSError):
                os.unlink(self.address)
        if self._tmpdir:
            shutil.rmtree(self._tmpdir, ignore_errors=True)


_SERVERS: dict[str, ControlServer] = {}
_SERVERS_LOCK = threading.Lock()


def serve(store) -> ControlServer | None:
    """Start the control channel of this store's database once per process (the dashboard calls it on opening)."""
    if store.path == ":memory:" or getattr(store, "read_only", False):
        return None
    key = str(Path(store.path).resolve())
    with _SERVERS_LOCK:
        running = _SERVERS.get(key)
        if running is not None and running.thread.is_alive():
            running.store = running.server.store = store
            return running
        _install_streams()
        try:
            running = _SERVERS[key] = ControlServer(store)
        except OSError as e:  # the dashboard works without it; the CLI then says what to do
            print(f"reformdash: control channel not started: {e}", file=sys.__stderr__)
            return None
    return running


def stop_all() -> None:
    """Close every control channel of this process (at exit, and in tests)."""
    with _SERVERS_LOCK:
        for server in _SERVERS.values():
            with contextlib.suppress(Exception):
                server.close()
        _SERVERS.clear()


atexit.register(stop_all)


# -- client (the CLI) ----------------------------------------------------------------------------------------------
def read_control(db_path: str, lang: str = "vi") -> dict:
    """The dashboard's address and token from `<db>.control`; Unreachable with the reason when it cannot be read."""
    path = control_file(str(Path(db_path).resolve()))
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise Unreachable(t("control.no_file", lang, file=path)) from e
    except (OSError, ValueError) as e:
        raise Unreachable(t("control.unreadable", lang, file=path, error=e)) from e
    if not isinstance(info, dict) or not {"family", "address", "token"} <= info.keys():
        raise Unreachable(t("control.unreadable", lang, file=path, error="?"))
    return info


def send(info: dict, request: dict, lang: str = "vi", timeout: float | None = None) -> dict:
    """Send one request to the dashboard and return its answer (Unreachable when nobody answers)."""
    try:
        if info["family"] == "unix":
            conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            address = info["address"]
        else:
            conn = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            host, _, port = str(info["address"]).rpartition(":")
            address = (host, int(port))
        conn.settimeout(CONNECT_TIMEOUT)
        conn.connect(address)
    except (OSError, ValueError) as e:
        raise Unreachable(t("control.refused", lang, error=e)) from e
    with conn:
        try:
            conn.settimeout(REQUEST_TIMEOUT)
            conn.sendall(json.dumps({**request, "token": info["token"]}).encode("utf-8") + b"\n")
            conn.settimeout(timeout)
            raw = _read_line(conn, 1 << 34)
            answer = json.loads(raw.decode("utf-8"))
        except (OSError, ValueError) as e:
            raise Unreachable(t("control.no_answer", lang, error=e)) from e
    if "error" in answer:
        reason = answer["error"]
        raise Unreachable(t(SERVER_ERRORS[reason], lang, limit=_max_request_bytes() // (1 << 20),
                            error=answer.get("detail", "")) if reason in SERVER_ERRORS else reason)
    return answer


def run_remote(argv: list[str], args, lang: str, db_path: str, inputs: dict[str, str], password: str | None,
               user: str) -> int:
    """Send the command to the dashboard holding db_path; print its output; its exit code (1 if unreachable)."""
    try:
        info = read_control(db_path, lang)
        files = {}
        for name in inputs:
            p = Path(name)
            if p.is_file():
                files[name] = base64.b64encode(p.read_bytes()).decode()
        answer = send(info, {"argv": argv, "lang": lang, "files": files, "password": password, "user": user}, lang)
    except Unreachable as e:
        print(t("control.unreachable", lang, db=db_path, reason=e), file=sys.stderr)
        return 1
    if answer.get("files") and getattr(args, "out", None):
        out = Path(args.out)
        for rel, data in answer["files"].items():
            target = out if rel == "." else out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(base64.b64decode(data))
    sys.stdout.write(answer.get("stdout", ""))
    sys.stderr.write(answer.get("stderr", ""))
    return int(answer.get("exit", 1))
