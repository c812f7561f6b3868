"""The order worker as it is today (see statement.md): a Redis list popped by a pool of threads. A job
whose worker dies is lost, a failing job is retried at once and forever, and stopping drops what runs."""
import json
import os
import threading
import time

import redis


class JobQueue:
    def __init__(self, name, *, visibility_timeout=30.0, max_attempts=5, base_delay=1.0, max_delay=60.0,
                 clock=time.time):
        self.key = f"jobs:{name}"
        self.visibility_timeout, self.max_attempts = visibility_timeout, max_attempts
        self.base_delay, self.max_delay, self.clock = base_delay, max_delay, clock
        self.redis = redis.Redis.from_url(os.environ["REDIS_URL"])

    def enqueue(self, job_id, payload):
        self.redis.rpush(self.key, json.dumps({"id": job_id, "payload": payload, "attempt": 0}))

    def reserve(self):
        raw = self.redis.lpop(self.key)
        if raw is None:
            return None
        job = json.loads(raw)
        job["attempt"] += 1
        return job

    def ack(self, job):
        pass

    def fail(self, job, error):
        self.redis.rpush(self.key, json.dumps(job))

    def release(self, job):
        raise NotImplementedError

    def dead_letters(self):
        return []

    def once(self, key, effect):
        return effect()


class Worker:
    def __init__(self, queue, handler, *, concurrency=4, poll_interval=0.05):
        self.queue, self.handler = queue, handler
        self.concurrency, self.poll_interval = concurrency, poll_interval
        self.stopping = threading.Event()

    def start(self):
        for _ in range(self.concurrency):
            threading.Thread(target=self._loop, daemon=True).start()

    def drain(self, timeout):
        self.stopping.set()
        return []

    def _loop(self):
        while not self.stopping.is_set():
            job = self.queue.reserve()
            if job is None:
                time.sleep(self.poll_interval)
                continue
            try:
                self.handler(job)
                self.queue.ack(job)
            except Exception as failure:
                self.queue.fail(job, str(failure))
