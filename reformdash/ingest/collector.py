"""The cyclic garbage collector paused while a file is read and understood (Mercurial's `nogc`, for the same cause).

A 100,000-row sheet arrives as 100,000 row lists at once. Each few hundred new containers make CPython's collector
walk the young ones, and every so often all of them: the rows are acyclic and stay alive until the import ends, so
those walks find nothing and cost a tenth of the import (python -m bench). Reference counting still frees
everything as usual; the collector runs again as soon as the last import in the process leaves.
"""

from __future__ import annotations

import functools
import gc
import threading

_lock = threading.Lock()
_inside = 0
_was_enabled = False


def paused(function):
    """Run `function` with the collector paused; overlapping calls (several sessions importing) share one pause."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        global _inside, _was_enabled
        with _lock:
            if _inside == 0:
                _was_enabled = gc.isenabled()
                gc.disable()
            _inside += 1
        try:
            return function(*args, **kwargs)
        finally:
            with _lock:
                _inside -= 1
                if _inside == 0 and _was_enabled:
                    gc.enable()

    return wrapper
