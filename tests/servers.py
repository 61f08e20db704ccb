"""Ports for the small servers a test starts (a webhook receiver, an OpenID provider).

HRDD_TEST_PORT_BASE (e.g. 8150) makes them take ports from that base upwards, for a
machine where each checkout has its own range; otherwise the kernel picks a free port.
"""

from __future__ import annotations

import itertools
import os
import socket

_next = itertools.count()


def server_port() -> int:
    base = os.environ.get("HRDD_TEST_PORT_BASE")
    for _ in range(10):
        port = int(base) + next(_next) % 10 if base else 0
        with socket.socket() as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise RuntimeError("no free port for a test server")
