"""A client of Paystream's charges API."""
import json
import random as _random
import time
import urllib.request
import uuid


class ClientError(Exception):
    """A 4xx other than 429."""


class ProviderUnavailable(Exception):
    """The provider did not answer well within the attempts."""


class CircuitOpen(ProviderUnavailable):
    """The breaker is open: no request is made."""


class ProviderClient:
    def __init__(self, base_url, *, timeout=2.0, max_attempts=4, base_delay=0.5, max_delay=8.0,
                 failure_threshold=5, cooldown=30.0, sleep=time.sleep, random=_random.random, clock=time.monotonic):
        self.base_url = base_url.rstrip("/")
        self.timeout, self.max_attempts = timeout, max_attempts
        self.base_delay, self.max_delay = base_delay, max_delay
        self.failure_threshold, self.cooldown = failure_threshold, cooldown
        self.sleep, self.random, self.clock = sleep, random, clock

    def charge(self, customer, amount):
        body = json.dumps({"customer": customer, "amount": amount}).encode()
        for _ in range(self.max_attempts):
            request = urllib.request.Request(self.base_url + "/charges", data=body, method="POST", headers={
                "Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())})
            try:
                with urllib.request.urlopen(request) as response:
                    return json.loads(response.read())
            except Exception:
                self.sleep(self.base_delay)
        raise ProviderUnavailable(f"no answer after {self.max_attempts} attempts")
