"""A per-client token-bucket rate limiter. See the statement for the full contract."""

from __future__ import annotations

import time
from typing import Callable


class TokenBucketLimiter:
    def __init__(
        self,
        capacity: float,
        refill_rate: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.capacity = capacity
        self.refill_rate = refill_rate
        self.clock = clock

    def allow(self, client_id: str, cost: float = 1) -> bool:
        """Take `cost` tokens from the client's bucket and return True, or return False and take nothing."""
        raise NotImplementedError

    def retry_after(self, client_id: str, cost: float = 1) -> float:
        """Seconds until `allow(client_id, cost)` would succeed: 0.0 if it would now, math.inf if it never can."""
        raise NotImplementedError
