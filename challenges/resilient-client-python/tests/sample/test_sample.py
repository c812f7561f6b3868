"""Sample tests: run pytest here with your client.py on PYTHONPATH (e.g. PYTHONPATH=.. pytest)."""
import pytest
from client import ClientError
from provider import FakeTime, Provider, answer, client_for


def test_a_server_error_is_retried_after_a_jittered_wait():
    time_ = FakeTime(randoms=[0.5])
    with Provider(answer(500), answer(200)) as provider:
        assert client_for(provider, time_, base_delay=2.0).charge("cus_1", 100)["status"] == "succeeded"
    assert len(provider.requests) == 2 and time_.sleeps == [1.0]


def test_a_bad_request_is_not_retried():
    with Provider(answer(400, {"error": "amount must be positive"})) as provider:
        with pytest.raises(ClientError):
            client_for(provider, FakeTime()).charge("cus_1", -5)
    assert len(provider.requests) == 1
