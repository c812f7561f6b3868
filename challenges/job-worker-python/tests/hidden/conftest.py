"""Each test gets an empty Redis, a fake clock of its own, and workers that are drained when it ends."""
import os
import threading

import pytest
import redis
from timing import FakeClock


@pytest.fixture(autouse=True)
def fresh():
    redis.Redis.from_url(os.environ["REDIS_URL"]).flushall()


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def make_queue(clock):
    from jobs import JobQueue

    def make(**options):
        return JobQueue("orders", clock=clock.time, **options)
    return make


@pytest.fixture
def gate():
    """An event handlers block on; set at the end of the test so no handler outlives it."""
    event = threading.Event()
    yield event
    event.set()


@pytest.fixture
def start_worker(gate):
    from jobs import Worker

    started = []

    def start(queue, handler, **options):
        worker = Worker(queue, handler, poll_interval=0.01, **options)
        worker.start()
        started.append(worker)
        return worker
    yield start
    gate.set()
    for worker in started:
        worker.drain(2.0)
