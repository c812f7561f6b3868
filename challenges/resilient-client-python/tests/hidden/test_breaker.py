"""The circuit breaker: open after consecutive failures, one trial after the cool-down on the client's clock."""
import pytest
from client import CircuitOpen, ClientError, ProviderUnavailable
from provider import FakeTime, Provider, answer, client_for


def failing_calls(client, n):
    for _ in range(n):
        with pytest.raises(ProviderUnavailable):
            client.charge("cus_1", 100)


def refused(client):
    with pytest.raises(CircuitOpen):
        client.charge("cus_1", 100)


def test_opens_after_consecutive_failures():
    with Provider(answer(500)) as provider:
        client = client_for(provider, FakeTime(), max_attempts=1, failure_threshold=3)
        failing_calls(client, 3)
        assert len(provider.requests) == 3
        for _ in range(5):
            refused(client)
    assert len(provider.requests) == 3, "an open breaker sent requests"


def test_opening_stops_the_retries_of_the_call():
    time_ = FakeTime()
    with Provider(answer(500)) as provider:
        with pytest.raises(CircuitOpen):
            client_for(provider, time_, max_attempts=5, failure_threshold=3).charge("cus_1", 100)
    assert len(provider.requests) == 3 and len(time_.sleeps) == 2


def test_a_success_resets_the_count():
    script = [answer(500), answer(500), answer(200), answer(500), answer(500), answer(200)]
    with Provider(*script) as provider:
        client = client_for(provider, FakeTime(), max_attempts=1, failure_threshold=3)
        failing_calls(client, 2)
        client.charge("cus_1", 100)
        failing_calls(client, 2)
        assert client.charge("cus_1", 100)["status"] == "succeeded"
    assert len(provider.requests) == 6


def test_client_errors_do_not_count():
    with Provider(answer(500), answer(500), answer(404), answer(500), answer(500), answer(200)) as provider:
        client = client_for(provider, FakeTime(), max_attempts=1, failure_threshold=3)
        failing_calls(client, 2)
        with pytest.raises(ClientError):
            client.charge("cus_1", 100)
        failing_calls(client, 2)
        assert client.charge("cus_1", 100)["status"] == "succeeded"


def test_half_opens_after_the_cooldown():
    time_ = FakeTime(now=5000.0)
    with Provider(answer(500), answer(500), answer(200)) as provider:
        client = client_for(provider, time_, max_attempts=1, failure_threshold=2, cooldown=30)
        failing_calls(client, 2)
        time_.now += 29
        refused(client)
        assert len(provider.requests) == 2, "a request before the cool-down ended"
        time_.now += 2
        assert client.charge("cus_1", 100)["status"] == "succeeded"
        assert client.charge("cus_1", 100)["status"] == "succeeded", "a successful trial closes the breaker"
    assert len(provider.requests) == 4


def test_a_trial_makes_one_attempt_and_its_failure_reopens():
    time_ = FakeTime(now=5000.0)
    with Provider(answer(500), answer(500), answer(503), answer(200)) as provider:
        client = client_for(provider, time_, max_attempts=4, failure_threshold=2, cooldown=30)
        refused(client)
        time_.now += 31
        refused(client)
        assert len(provider.requests) == 3, "a half-open breaker allows one trial request"
        time_.now += 29
        refused(client)
        assert len(provider.requests) == 3, "the failed trial did not restart the cool-down"
        time_.now += 2
        assert client.charge("cus_1", 100)["status"] == "succeeded"
