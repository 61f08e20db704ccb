"""A webhook receiver the test starts on its own port: it answers the first `fail_first`
requests with 503 (or what `answers` says), then 200, and keeps every request."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.outbox.conftest import private_redis, thread_worker  # noqa: F401 - fixtures
from tests.servers import server_port


class Receiver:
    def __init__(self, fail_first: int = 0, answers: list[tuple[int, dict]] | None = None):
        self.fail_first = fail_first
        self.answers = list(answers or [])
        self.requests: list[dict] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.requests.append(
                    {"path": self.path, "headers": dict(self.headers), "body": body}
                )
                if receiver.answers:
                    code, headers = receiver.answers.pop(0)
                elif len(receiver.requests) <= receiver.fail_first:
                    code, headers = 503, {}
                else:
                    code, headers = 200, {}
                payload = b"busy, try later" if code >= 500 else b"thanks"
                self.send_response(code)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", server_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/hrdd"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver_factory(settings):
    """Receivers on loopback: allowed for the test, as WEBHOOK_ALLOW_PRIVATE_ADDRESSES says."""
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
    settings.WEBHOOK_ALLOW_HTTP = True
    made = []

    def make(**kwargs) -> Receiver:
        made.append(Receiver(**kwargs))
        return made[-1]

    yield make
    for r in made:
        r.stop()
