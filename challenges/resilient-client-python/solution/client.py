"""A client of Paystream's charges API that survives its bad days: timeouts, capped exponential backoff with
full jitter, Retry-After, one idempotency key per charge, and a circuit breaker."""
import json
import random as _random
import socket
import time
import urllib.error
import urllib.request
import uuid


class ClientError(Exception):
    """A 4xx other than 429: the request itself is wrong, so sending it again cannot help."""


class ProviderUnavailable(Exception):
    """The provider did not answer well within the attempts (or the wait it asked for is too long)."""


class CircuitOpen(ProviderUnavailable):
    """The breaker is open: no request is made."""


class _Retryable(Exception):
    def __init__(self, wait=None):
        super().__init__(wait)
        self.wait = wait  # the seconds of a Retry-After, else None


def _retry_after(headers):
    value = (headers.get("Retry-After") or "").strip()
    return int(value) if value.isdigit() else None


class ProviderClient:
    def __init__(self, base_url, *, timeout=2.0, max_attempts=4, base_delay=0.5, max_delay=8.0,
                 failure_threshold=5, cooldown=30.0, sleep=time.sleep, random=_random.random, clock=time.monotonic):
        self.base_url = base_url.rstrip("/")
        self.timeout, self.max_attempts = timeout, max_attempts
        self.base_delay, self.max_delay = base_delay, max_delay
        self.failure_threshold, self.cooldown = failure_threshold, cooldown
        self.sleep, self.random, self.clock = sleep, random, clock
        self.failures = 0
        self.opened_at = None  # when the breaker opened; None while closed

    def charge(self, customer, amount):
        body = json.dumps({"customer": customer, "amount": amount}).encode()
        # One key for every attempt of this charge, so the provider applies it at most once.
        key = str(uuid.uuid4())
        attempts = self._allowed_attempts()
        for attempt in range(1, attempts + 1):
            try:
                result = self._send(body, key)
            except _Retryable as failure:
                self._failed()
                if self.opened_at is not None:
                    raise CircuitOpen("the provider failed too often: the breaker opened") from None
                if attempt == attempts:
                    raise ProviderUnavailable(f"no answer after {attempts} attempts") from None
                self._wait(attempt, failure.wait)
            else:
                return result
        raise AssertionError("unreachable")

    def _allowed_attempts(self):
        if self.opened_at is None:
            return self.max_attempts
        if self.clock() - self.opened_at < self.cooldown:
            raise CircuitOpen("the breaker is open")
        # Half-open: one trial request, whose failure reopens the breaker (failures is still past the threshold).
        return 1

    def _failed(self):
        self.failures += 1
        if self.failures >= self.failure_threshold:
            self.opened_at = self.clock()

    def _succeeded(self):
        self.failures, self.opened_at = 0, None

    def _wait(self, attempt, retry_after):
        if retry_after is not None:
            if retry_after > self.max_delay:
                raise ProviderUnavailable(f"the provider asks to wait {retry_after} s")
            self.sleep(retry_after)
        else:
            self.sleep(self.random() * min(self.max_delay, self.base_delay * 2 ** (attempt - 1)))

    def _send(self, body, key):
        request = urllib.request.Request(self.base_url + "/charges", data=body, method="POST", headers={
            "Content-Type": "application/json", "Idempotency-Key": key})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                result = json.loads(response.read())
        except urllib.error.HTTPError as error:
            error.read()
            if error.code == 429 or error.code >= 500:
                raise _Retryable(_retry_after(error.headers) if error.code in (429, 503) else None) from None
            self._succeeded()  # the provider answered: it is up
            raise ClientError(error.code) from None
        except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError):
            raise _Retryable() from None
        self._succeeded()
        return result
