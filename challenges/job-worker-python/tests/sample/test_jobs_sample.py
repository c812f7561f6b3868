"""Sample tests: run pytest here with your jobs.py on PYTHONPATH and a Redis at REDIS_URL (it is emptied)."""
import os
import time

import pytest
import redis
from jobs import JobQueue, Worker


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def time(self):
        return self.now


@pytest.fixture(autouse=True)
def fresh():
    redis.Redis.from_url(os.environ["REDIS_URL"]).flushall()


def test_a_reserved_job_is_not_delivered_twice():
    queue = JobQueue("sample", clock=FakeClock().time)
    queue.enqueue("order-1", {"amount": 100})
    assert queue.reserve() == {"id": "order-1", "payload": {"amount": 100}, "attempt": 1}
    assert queue.reserve() is None


def test_a_worker_runs_the_handler():
    queue, seen = JobQueue("sample", clock=FakeClock().time), []
    queue.enqueue("order-1", {"amount": 100})
    worker = Worker(queue, lambda job: seen.append(job["id"]), concurrency=1, poll_interval=0.01)
    worker.start()
    deadline = time.monotonic() + 5
    while not seen and time.monotonic() < deadline:
        time.sleep(0.01)
    worker.drain(2)
    assert seen == ["order-1"]
