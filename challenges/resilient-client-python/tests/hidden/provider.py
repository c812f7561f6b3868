"""A fake Paystream on loopback, in the tests' own process: it answers from a script and records each request."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def answer(status, body=None, headers=None, hang=False):
    """One scripted response; `hang` holds it until the test ends (the client must time out)."""
    return {"status": status, "body": body if body is not None else {"id": "ch_1", "status": "succeeded"},
            "headers": headers or {}, "hang": hang}


class Provider:
    def __init__(self, *script):
        self.script, self.requests, self.released = list(script), [], threading.Event()
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                provider.requests.append({"path": self.path, "headers": dict(self.headers), "body": self.rfile.read(length)})
                step = provider.script[min(len(provider.requests), len(provider.script)) - 1]
                if step["hang"]:
                    provider.released.wait(5)
                payload = json.dumps(step["body"]).encode()
                try:
                    self.send_response(step["status"])
                    for name, value in {"Content-Type": "application/json", **step["headers"]}.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except OSError:
                    pass  # the client gave up on this attempt

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads, self.server.block_on_close = True, False
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, args=(0.01,), daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.released.set()
        self.server.shutdown()
        self.server.server_close()

    def keys(self):
        return [r["headers"].get("Idempotency-Key") for r in self.requests]


class FakeTime:
    """The client's sleep, random and clock: sleeping records the wait and moves the clock, never waits."""

    def __init__(self, randoms=(0.5,), now=1000.0):
        self.sleeps, self.randoms, self.draws, self.now = [], list(randoms), 0, now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds

    def random(self):
        value = self.randoms[self.draws % len(self.randoms)]
        self.draws += 1
        return value

    def clock(self):
        return self.now


def client_for(provider, time, **options):
    from client import ProviderClient
    return ProviderClient(provider.url, sleep=time.sleep, random=time.random, clock=time.clock, **options)
