"""The worker pool against the queue: acks after the handler, retries, redelivery, the cap and the drain."""
import threading
import time

from timing import wait_until


def test_the_worker_handles_and_acks_every_job(make_queue, start_worker, clock):
    queue, seen = make_queue(), []
    for n in range(5):
        queue.enqueue(f"order-{n}", {"n": n})
    worker = start_worker(queue, lambda job: seen.append(job["payload"]["n"]), concurrency=2)
    assert wait_until(lambda: len(seen) >= 5), f"handled {seen}"
    assert worker.drain(2) == []
    clock.advance(1000)
    assert queue.reserve() is None, "a handled job was not acked"
    assert sorted(seen) == [0, 1, 2, 3, 4]


def test_a_failing_handler_is_retried_then_dead_lettered(make_queue, start_worker, clock):
    queue, calls = make_queue(max_attempts=2, base_delay=10, max_delay=10), []

    def handler(job):
        calls.append(job["attempt"])
        raise ValueError("card declined")
    queue.enqueue("order-1", {"amount": 100})
    start_worker(queue, handler, concurrency=1)
    # The clock moves a second at each poll, so the retry comes due whenever the failure was recorded.
    assert wait_until(lambda: clock.advance(1) or queue.dead_letters()), f"no dead letter after attempts {calls}"
    assert calls == [1, 2]
    assert queue.dead_letters() == [{"id": "order-1", "payload": {"amount": 100}, "attempts": 2, "error": "card declined"}]


def test_a_job_whose_worker_stalls_is_handled_by_another(make_queue, start_worker, clock, gate):
    stalled, handled = [], []

    def handler(job):
        if job["attempt"] == 1:
            stalled.append(job["id"])
            gate.wait(10)  # this worker hangs (or died) without acking
        else:
            handled.append((job["id"], job["attempt"]))
    queue = make_queue(visibility_timeout=30)
    queue.enqueue("order-1", {"amount": 100})
    start_worker(queue, handler, concurrency=1)
    assert wait_until(lambda: stalled == ["order-1"])
    clock.advance(31)
    start_worker(make_queue(visibility_timeout=30), handler, concurrency=1)
    assert wait_until(lambda: handled == [("order-1", 2)]), f"the stalled job was never handled again: {handled}"


def test_a_redelivered_job_applies_its_effect_once(make_queue, start_worker, clock):
    queue, charges, deliveries = make_queue(base_delay=1, max_delay=1), [], []

    def handler(job):
        deliveries.append(job["attempt"])
        queue.once("charge:" + job["id"], lambda: charges.append(job["payload"]["amount"]) or len(charges))
        if job["attempt"] == 1:
            raise ConnectionError("receipt mailer down")  # the charge went through, the step after it failed
    queue.enqueue("order-1", {"amount": 1250})
    worker = start_worker(queue, handler, concurrency=1)
    assert wait_until(lambda: clock.advance(1) or len(deliveries) >= 2), f"deliveries {deliveries}"
    worker.drain(2)
    assert deliveries == [1, 2]
    assert charges == [1250], f"charged {charges} for one order"


def test_never_more_handlers_at_once_than_the_concurrency(make_queue, start_worker):
    queue, lock, state = make_queue(), threading.Lock(), {"running": 0, "most": 0, "done": 0}

    def handler(job):
        with lock:
            state["running"] += 1
            state["most"] = max(state["most"], state["running"])
        time.sleep(0.3)
        with lock:
            state["running"] -= 1
            state["done"] += 1
    for n in range(12):
        queue.enqueue(f"order-{n}", {"n": n})
    start_worker(queue, handler, concurrency=3)
    assert wait_until(lambda: state["done"] == 12, timeout=15), f"{state['done']} of 12 jobs done"
    assert state["most"] == 3, f"{state['most']} handlers ran at once with a concurrency of 3"


def test_drain_lets_running_handlers_finish(make_queue, start_worker, clock):
    queue, started, finished = make_queue(), [], []

    def handler(job):
        started.append(job["id"])
        time.sleep(0.3)
        finished.append(job["id"])
    queue.enqueue("order-1", {})
    worker = start_worker(queue, handler, concurrency=1)
    assert wait_until(lambda: started)
    assert worker.drain(5) == [], "a handler that finishes within the deadline was reported unfinished"
    assert finished == ["order-1"]
    clock.advance(1000)
    assert queue.reserve() is None, "the finished job was not acked"


def test_drain_puts_back_the_unfinished_at_once(make_queue, start_worker, gate):
    queue, started = make_queue(visibility_timeout=30), []

    def handler(job):
        started.append(job["id"])
        gate.wait(10)
    for n in (1, 2, 3):
        queue.enqueue(f"order-{n}", {"n": n})
    worker = start_worker(queue, handler, concurrency=2)
    assert wait_until(lambda: len(started) >= 2)
    time.sleep(0.2)  # every thread that is going to take a job has taken it
    begun = time.monotonic()
    unfinished = worker.drain(0.5)
    assert time.monotonic() - begun < 4, "drain overran its deadline"
    assert unfinished == sorted(started)
    back = []
    while len(back) < 4 and (job := queue.reserve()) is not None:
        back.append(job["id"])
    # The clock has not moved: the unfinished jobs are visible at once, not after their visibility timeout.
    assert sorted(back) == ["order-1", "order-2", "order-3"], f"after the drain the queue holds {back}"
