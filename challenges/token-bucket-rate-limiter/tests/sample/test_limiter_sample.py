import pytest

from limiter import TokenBucketLimiter


class FakeClock:
    """A clock the test moves by hand, so no test ever sleeps."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def test_allows_a_burst_up_to_capacity():
    limiter = TokenBucketLimiter(capacity=3, refill_rate=1, clock=FakeClock())
    assert [limiter.allow("alice") for _ in range(4)] == [True, True, True, False]


def test_refills_over_time():
    clock = FakeClock()
    limiter = TokenBucketLimiter(capacity=2, refill_rate=4, clock=clock)
    assert [limiter.allow("alice") for _ in range(3)] == [True, True, False]
    clock.advance(0.25)
    assert limiter.allow("alice") is True
    assert limiter.allow("alice") is False
    assert limiter.retry_after("alice") == pytest.approx(0.25)


def test_rejects_a_zero_capacity():
    with pytest.raises(ValueError):
        TokenBucketLimiter(capacity=0, refill_rate=1, clock=FakeClock())
