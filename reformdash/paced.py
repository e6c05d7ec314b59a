"""Messages from one browser connection read at a bounded rate (an ASGI middleware of serve.py)."""

from __future__ import annotations

import asyncio
import time

MESSAGES_PER_SECOND = 5.0  # what one browser connection may send, sustained (a person sends a few in a minute)
MESSAGES_BURST = 20.0


class PacedMessages:
    """One browser connection's messages are read at most MESSAGES_PER_SECOND (after a burst of MESSAGES_BURST).

    A client changing a widget 40 times a second (issue 15, hole 10) made the server handle every change: other
    visitors' pages took over 2 s. Reading its messages later costs the server nothing (they wait in the client's
    own socket) and the changes that arrive meanwhile are merged into one rerun; pages/_common.pace_reruns bounds
    the time its runs may take on top of this.
    """

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "websocket":
            return await self.app(scope, receive, send)
        bucket = {"tokens": MESSAGES_BURST, "at": time.monotonic()}

        async def paced_receive():
            message = await receive()
            if message["type"] == "websocket.receive":
                now = time.monotonic()
                tokens = min(MESSAGES_BURST, bucket["tokens"] + (now - bucket["at"]) * MESSAGES_PER_SECOND)
                if tokens < 1:
                    await asyncio.sleep((1 - tokens) / MESSAGES_PER_SECOND)
                    tokens, now = 1.0, time.monotonic()
                bucket["tokens"], bucket["at"] = tokens - 1, now
            return message

        return await self.app(scope, paced_receive, send)
