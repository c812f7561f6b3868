"""Which failures are retried, how long the client waits between attempts, and one key per charge."""
import json
import time

import pytest
from client import ClientError, ProviderUnavailable
from provider import FakeTime, Provider, answer, client_for


def test_a_charge_is_one_post_with_json_and_a_key():
    with Provider(answer(201, {"id": "ch_9", "status": "succeeded", "amount": 1250})) as provider:
        assert client_for(provider, FakeTime()).charge("cus_7", 1250) == {"id": "ch_9", "status": "succeeded", "amount": 1250}
    [request] = provider.requests
    assert request["path"] == "/charges"
    assert request["headers"].get("Content-Type", "").startswith("application/json")
    assert json.loads(request["body"]) == {"customer": "cus_7", "amount": 1250}
    assert request["headers"].get("Idempotency-Key"), "no Idempotency-Key header"


def test_server_errors_are_retried_with_capped_exponential_backoff():
    time_ = FakeTime(randoms=[0.9])
    script = [answer(503), answer(500), answer(502), answer(504), answer(200)]
    with Provider(*script) as provider:
        client = client_for(provider, time_, max_attempts=5, base_delay=0.5, max_delay=1.5)
        assert client.charge("cus_1", 100)["status"] == "succeeded"
    assert len(provider.requests) == 5
    assert time_.sleeps == pytest.approx([0.45, 0.9, 1.35, 1.35]), f"slept {time_.sleeps}"


def test_each_wait_is_jittered():
    time_ = FakeTime(randoms=[0.0, 0.25, 0.75])
    with Provider(answer(500), answer(500), answer(500), answer(200)) as provider:
        client_for(provider, time_, base_delay=1.0, max_delay=60).charge("cus_1", 100)
    assert time_.draws == 3, f"random() was called {time_.draws} times for 3 waits"
    assert time_.sleeps == pytest.approx([0.0, 0.5, 3.0]), f"slept {time_.sleeps}"


def test_gives_up_after_max_attempts():
    time_ = FakeTime()
    with Provider(answer(500)) as provider:
        with pytest.raises(ProviderUnavailable):
            client_for(provider, time_, max_attempts=3).charge("cus_1", 100)
    assert len(provider.requests) == 3 and len(time_.sleeps) == 2


def test_connection_failures_are_retried():
    with Provider(answer(200)) as closed:
        url = closed.url
    time_ = FakeTime()
    from client import ProviderClient
    with pytest.raises(ProviderUnavailable):
        ProviderClient(url, max_attempts=3, sleep=time_.sleep, random=time_.random, clock=time_.clock).charge("cus_1", 100)
    assert len(time_.sleeps) == 2, f"slept {time_.sleeps} between 3 attempts"


def test_retry_after_sets_the_wait():
    time_ = FakeTime()
    script = [answer(429, headers={"Retry-After": "3"}), answer(503, headers={"Retry-After": "2"}), answer(200)]
    with Provider(*script) as provider:
        client_for(provider, time_, max_delay=8).charge("cus_1", 100)
    assert time_.sleeps == [3, 2], f"slept {time_.sleeps}"
    assert len(provider.requests) == 3


def test_a_retry_after_beyond_max_delay_gives_up():
    time_ = FakeTime()
    with Provider(answer(429, headers={"Retry-After": "120"}), answer(200)) as provider:
        with pytest.raises(ProviderUnavailable):
            client_for(provider, time_, max_delay=8).charge("cus_1", 100)
    assert len(provider.requests) == 1 and time_.sleeps == []


def test_client_errors_are_not_retried():
    for status in (400, 401, 403, 404, 409, 422):
        time_ = FakeTime()
        with Provider(answer(status, {"error": "no"}), answer(200)) as provider:
            with pytest.raises(ClientError) as raised:
                client_for(provider, time_).charge("cus_1", 100)
        assert raised.value.args[0] == status
        assert len(provider.requests) == 1 and time_.sleeps == [], f"a {status} was retried"


def test_one_idempotency_key_across_the_retries_of_a_charge():
    with Provider(answer(500), answer(429), answer(503), answer(200)) as provider:
        client = client_for(provider, FakeTime())
        client.charge("cus_1", 100)
        first = provider.keys()
        client.charge("cus_1", 100)
    assert len(first) == 4 and first[0] and len(set(first)) == 1, f"keys across one charge's attempts: {first}"
    assert provider.keys()[4] != first[0], "two charges share a key, so the provider drops the second"


def test_a_slow_attempt_times_out_and_is_retried():
    with Provider(answer(200, hang=True), answer(200, {"id": "ch_2", "status": "succeeded"})) as provider:
        started = time.monotonic()
        result = client_for(provider, FakeTime(), timeout=1.0).charge("cus_1", 100)
        elapsed = time.monotonic() - started
    assert result == {"id": "ch_2", "status": "succeeded"}
    assert elapsed < 4, f"the call took {elapsed:.1f} s with a 1 s timeout (the slow attempt answers after 5 s)"
    assert len(set(provider.keys())) == 1
