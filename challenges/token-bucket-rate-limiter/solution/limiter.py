"""Reference solution: a per-client token-bucket rate limiter."""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import Callable, Dict


@dataclass
class _Bucket:
    tokens: float
    updated_at: float


def _require_positive(name: str, value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{name} must be a number, got {value!r}")
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive finite number, got {value!r}")


class TokenBucketLimiter:
    """Each client owns a bucket holding up to `capacity` tokens, refilled at `refill_rate` tokens per second."""

    def __init__(
        self,
        capacity: float,
        refill_rate: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        _require_positive("capacity", capacity)
        _require_positive("refill_rate", refill_rate)
        self._capacity = float(capacity)
        self._refill_rate = float(refill_rate)
        self._clock = clock
        self._buckets: Dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def allow(self, client_id: str, cost: float = 1) -> bool:
        _require_positive("cost", cost)
        with self._lock:
            bucket = self._refilled(client_id)
            if bucket.tokens >= cost:
                bucket.tokens -= cost
                return True
            return False

    def retry_after(self, client_id: str, cost: float = 1) -> float:
        _require_positive("cost", cost)
        if cost > self._capacity:
            return math.inf
        with self._lock:
            bucket = self._refilled(client_id)
            missing = cost - bucket.tokens
            return 0.0 if missing <= 0 else missing / self._refill_rate

    def _refilled(self, client_id: str) -> _Bucket:
        """The client's bucket, credited with the tokens earned since it was last seen. Call with the lock held."""
        now = self._clock()
        bucket = self._buckets.get(client_id)
        if bucket is None:
            bucket = self._buckets[client_id] = _Bucket(self._capacity, now)
            return bucket
        elapsed = now - bucket.updated_at
        if elapsed > 0:
            bucket.tokens = min(self._capacity, bucket.tokens + elapsed * self._refill_rate)
            bucket.updated_at = now
        return bucket
