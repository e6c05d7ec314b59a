"""Chart images (PNG, SVG, PDF) drawn offline by kaleido in one persistent Debian chromium."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path
from urllib.parse import quote

from reformdash import fonts, settings
from reformdash.errors import ReformdashError
from reformdash.words import t

FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
WIDTH, HEIGHT = 1280, 720  # a 16:9 slide at the size a projector shows
SCALE = {"png": 2}  # PNG at twice the pixels so it stays sharp in a report; SVG and PDF are vectors anyway

# plotly.js fetches its world outline (cdn.plot.ly/un/world_110m.json) for any map trace with a location mode, even
# with every base layer hidden and the shapes given as GeoJSON: hand it an empty topology inline instead, so a map
# draws on a closed network (plotly.js appends "/world_110m.json", which lands after the '#')
OFFLINE_TOPOJSON = "data:application/json;charset=utf-8," + quote('{"type":"Topology","objects":{},"arcs":[]}') + "#"

_lock = threading.Lock()
_started = False


class ImagesUnavailable(ReformdashError):
    """No chromium to draw with."""


def browser_path() -> str | None:
    """The chromium kaleido drives: the setting, else chromium on the PATH."""
    chosen = settings.get("REFORMDASH_CHROMIUM")
    if chosen and Path(chosen).is_file():
        return chosen
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _start() -> None:
    """Start the one kaleido server of this process (a browser kept open; later images reuse it)."""
    global _started
    if _started:
        return
    path = browser_path()
    if path is None:
        raise ImagesUnavailable(t("brief.images.no_browser"), t("brief.images.title"))
    import kaleido

    # choreographer reads BROWSER_PATH; it would download a browser if it found none, which must never happen
    os.environ["BROWSER_PATH"] = path
    # the browser finds the project's font as one of the machine's (fontconfig): a chart image is drawn as an SVG
    # inside an <img>, which sees no web fonts, only the machine's
    os.environ["FONTCONFIG_FILE"] = str(fonts.FONTCONFIG)
    # mathjax=False: its default is a CDN address; plotly.js itself comes from the installed plotly package
    kaleido.start_sync_server(mathjax=False, n=1, silence_warnings=True)
    _started = True


def render(fig, fmt: str = "png", width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """The figure as PNG, SVG or PDF bytes, drawn by the persistent server (started on first use)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown image format {fmt!r}")
    import kaleido

    from reformdash.maps import with_shapes_inline  # a page's map names its shapes by address: kaleido has no server

    fig = with_shapes_inline(fig)
    opts = {"format": fmt, "width": width, "height": height, "scale": SCALE.get(fmt, 1)}
    # the server handles one task at a time through a queue shared by every caller: one request in flight
    with _lock:
        _start()
        try:
            return kaleido.calc_fig_sync(fig, opts=opts, topojson=OFFLINE_TOPOJSON)
        except Exception as e:  # the browser's own error (a crashed tab, a timeout) reaches the reader in words
            raise ImagesUnavailable(t("brief.images.failed", reason=e), t("brief.images.title")) from e


def stop() -> None:
    """Close the browser (tests and the benchmark; a server process keeps it for its lifetime)."""
    global _started
    with _lock:
        if _started:
            import kaleido

            kaleido.stop_sync_server(silence_warnings=True)
            _started = False
