"""reformdash.memo: the pages' shared results, bounded, each made once even when sessions ask together."""

from __future__ import annotations

import threading
import time

import pytest

from reformdash.memo import Memo, freeze


def test_a_value_is_made_once_and_handed_out_again():
    memo, calls = Memo(4), []
    first = memo.get(("trend", 1), lambda: calls.append(1) or ["rows"])
    assert memo.get(("trend", 1), lambda: calls.append(2) or ["other"]) is first
    assert calls == [1]


def test_the_least_recently_used_value_goes_first():
    memo = Memo(2)
    memo.get("a", lambda: 1)
    memo.get("b", lambda: 2)
    memo.get("a", lambda: 0)  # used again: "b" is now the oldest
    memo.get("c", lambda: 3)
    assert memo.values() == [1, 3] and len(memo) == 2


def test_sessions_asking_together_wait_for_one_computation():
    memo, calls, results = Memo(4), [], []

    def slow():
        calls.append(1)
        time.sleep(0.2)
        return "figure"

    def ask():
        results.append(memo.get("bump", slow))

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == [1] and results == ["figure"] * 6


def test_a_failure_is_not_kept_and_the_next_caller_tries_again():
    memo = Memo(4)
    with pytest.raises(ValueError):
        memo.get("x", lambda: (_ for _ in ()).throw(ValueError("database busy")))
    assert memo.get("x", lambda: 42) == 42


def test_clear_forgets_everything():
    memo = Memo(4)
    memo.get("a", lambda: 1)
    memo.clear()
    assert memo.get("a", lambda: 2) == 2


def test_freeze_makes_list_and_dict_arguments_usable_as_keys():
    assert freeze([1, [2, 3]]) == (1, (2, 3))
    assert freeze({"b": [1], "a": 2}) == (("a", 2), ("b", (1,)))
    assert freeze({3, 1}) == (1, 3)
    assert hash(freeze(("22", ["01", "79"]))) == hash(freeze(("22", ("01", "79"))))
