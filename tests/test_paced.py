"""reformdash.paced (paced.py's middleware): one browser connection cannot make the server handle more than a few
messages a second (issue 15, hole 10), while a person's clicks pass at once; plain HTTP requests are not touched.
A fake clock: no test here waits."""

from __future__ import annotations

import asyncio

import pytest

from reformdash import paced


@pytest.fixture
def clock(monkeypatch):
    """serve's time and sleep on a fake clock; returns the list of sleeps asked for."""
    now = [1000.0]
    sleeps: list[float] = []

    async def sleep(seconds):
        sleeps.append(seconds)
        now[0] += seconds

    monkeypatch.setattr(paced.time, "monotonic", lambda: now[0])
    monkeypatch.setattr(paced.asyncio, "sleep", sleep)
    return sleeps


def deliver(messages: int, kind: str = "websocket") -> int:
    """Send `messages` at once through the middleware; how many the app behind it received."""
    got = []

    async def app(scope, receive, send):
        for _ in range(messages):
            got.append(await receive())

    async def receive():
        return {"type": "websocket.receive", "bytes": b"x"}

    asyncio.run(paced.PacedMessages(app)({"type": kind}, receive, None))
    return len(got)


def test_a_burst_passes_at_once_and_a_flood_is_read_at_the_paced_rate(clock):
    assert deliver(int(paced.MESSAGES_BURST)) == paced.MESSAGES_BURST
    assert clock == [], "a person's few clicks are never delayed"
    clock.clear()
    assert deliver(int(paced.MESSAGES_BURST) + 40) == paced.MESSAGES_BURST + 40
    assert len(clock) == 40 and sum(clock) == pytest.approx(40 / paced.MESSAGES_PER_SECOND)


def test_plain_http_is_not_paced(clock):
    assert deliver(100, kind="http") == 100
    assert clock == []
