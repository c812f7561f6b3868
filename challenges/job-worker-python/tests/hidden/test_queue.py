"""The queue on its own, the test acting as the worker: delivery, visibility timeout, backoff, dead letters
and the idempotency store."""
import pytest


def test_a_job_is_delivered_once_until_acked(make_queue, clock):
    queue = make_queue(visibility_timeout=30)
    queue.enqueue("order-1", {"customer": "cus_7", "amount": 1250})
    job = queue.reserve()
    assert job == {"id": "order-1", "payload": {"customer": "cus_7", "amount": 1250}, "attempt": 1}
    assert queue.reserve() is None, "a job being handled was delivered again"
    queue.ack(job)
    clock.advance(1000)
    assert queue.reserve() is None, "an acked job was delivered again"


def test_an_unacked_job_comes_back_after_the_visibility_timeout(make_queue, clock):
    queue = make_queue(visibility_timeout=30)
    queue.enqueue("order-1", {"amount": 100})
    assert queue.reserve()["attempt"] == 1  # and the worker that took it dies
    clock.advance(29)
    assert queue.reserve() is None, "the job came back before its visibility timeout"
    clock.advance(1)
    assert queue.reserve() == {"id": "order-1", "payload": {"amount": 100}, "attempt": 2}


def test_a_delivery_that_keeps_timing_out_is_dead_lettered(make_queue, clock):
    queue = make_queue(visibility_timeout=30, max_attempts=2)
    queue.enqueue("order-1", {"amount": 100})
    assert queue.reserve()["attempt"] == 1
    clock.advance(30)
    assert queue.reserve()["attempt"] == 2
    clock.advance(30)
    assert queue.reserve() is None, "a job was delivered more than max_attempts times"
    assert queue.dead_letters() == [{"id": "order-1", "payload": {"amount": 100}, "attempts": 2, "error": "visibility timeout"}]


def test_a_failed_job_is_retried_with_capped_exponential_backoff(make_queue, clock):
    queue = make_queue(max_attempts=6, base_delay=1, max_delay=5)
    queue.enqueue("order-1", {})
    job = queue.reserve()
    for attempt, delay in enumerate([1, 2, 4, 5, 5], start=1):
        assert job["attempt"] == attempt
        queue.fail(job, "gateway down")
        clock.advance(delay - 0.5)
        assert queue.reserve() is None, f"retry {attempt} came before its {delay} s backoff"
        clock.advance(0.5)
        job = queue.reserve()
        assert job is not None, f"retry {attempt} was not due {delay} s after the failure"
    assert job["attempt"] == 6


def test_after_max_attempts_a_job_is_dead_lettered_with_its_last_error(make_queue, clock):
    queue = make_queue(max_attempts=3, base_delay=1, max_delay=2)
    queue.enqueue("order-1", {"amount": 100})
    for error in ("gateway down", "card declined", "card expired"):
        job = queue.reserve()
        assert job is not None, "a failed job was not retried"
        queue.fail(job, error)
        clock.advance(10)  # past any backoff
    clock.advance(1000)
    assert queue.reserve() is None, "a job was retried past max_attempts"
    assert queue.dead_letters() == [{"id": "order-1", "payload": {"amount": 100}, "attempts": 3, "error": "card expired"}]


def test_once_applies_an_effect_once_per_key(make_queue):
    queue, charges = make_queue(), []

    def charge():
        charges.append("charged")
        return {"charge": f"ch_{len(charges)}"}
    assert queue.once("charge:order-1", charge) == {"charge": "ch_1"}
    assert queue.once("charge:order-1", charge) == {"charge": "ch_1"}
    # Another worker's queue object, the same Redis: the record is shared.
    assert make_queue().once("charge:order-1", charge) == {"charge": "ch_1"}
    assert queue.once("charge:order-2", charge) == {"charge": "ch_2"}
    assert len(charges) == 2, f"{len(charges)} charges for 2 keys"


def test_an_effect_that_raised_runs_again(make_queue):
    queue, calls = make_queue(), []

    def charge():
        calls.append("tried")
        if len(calls) == 1:
            raise ConnectionError("gateway down")
        return "ch_1"
    with pytest.raises(ConnectionError):
        queue.once("charge:order-1", charge)
    assert queue.once("charge:order-1", charge) == "ch_1", "an effect that failed was recorded as done"
    assert len(calls) == 2
