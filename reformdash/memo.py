"""A small shared memo for the pages: results by key, bounded, each computed once even when sessions ask together."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class Memo:
    """A thread-safe, least-recently-used map from a key to a result that is made on first use.

    The pages used st.cache_resource, which hashes every argument's content on every call (~0.1 ms a call, twenty
    calls a page); the callers' keys here are already small tuples (function, database, data version, arguments),
    so a dict lookup is enough.
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._values: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._making: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The value under key; made by make() once, while other callers of the same key wait for it."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
            making = self._making.setdefault(key, threading.Lock())
        with making:
            with self._lock:
                if key in self._values:  # made by the caller we waited for
                    return self._values[key]
            try:
                value = make()
            except BaseException:
                with self._lock:
                    self._making.pop(key, None)
                raise
            with self._lock:
                self._values[key] = value
                self._making.pop(key, None)  # after storing, so a newcomer finds the value, not a fresh lock
                while len(self._values) > self._size:
                    self._values.popitem(last=False)
        return value

    def clear(self) -> None:
        """Forget every value."""
        with self._lock:
            self._values.clear()

    def values(self) -> list[Any]:
        """The values held now (oldest first)."""
        with self._lock:
            return list(self._values.values())

    def __len__(self) -> int:
        return len(self._values)


def freeze(value: Any) -> Hashable:
    """A hashable stand-in for an argument: lists, tuples and sets become tuples, dicts sorted item tuples."""
    if isinstance(value, (list, tuple)):
        return tuple(freeze(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return tuple(sorted(freeze(v) for v in value))
    if isinstance(value, dict):
        return tuple(sorted((k, freeze(v)) for k, v in value.items()))
    return value
