"""A job queue on Redis with at-least-once delivery (visibility timeout), capped exponential backoff,
dead letters and an idempotency store, and a worker pool with a concurrency cap and a graceful drain."""
import json
import os
import threading
import time

import redis

# Every state change is one script, so two workers never take the same delivery, and a delivery that
# expired is put back (or dead-lettered) by whoever reserves next. Keys: ready (zset id -> due time),
# running (zset id -> visibility deadline), dead (list of ids), and a hash per job.
_RESERVE = """
local prefix, now, timeout, max_attempts = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local ready, running, dead = prefix .. 'ready', prefix .. 'running', prefix .. 'dead'
for _, id in ipairs(redis.call('ZRANGEBYSCORE', running, '-inf', now)) do
  redis.call('ZREM', running, id)
  if tonumber(redis.call('HGET', prefix .. 'job:' .. id, 'attempts')) >= max_attempts then
    redis.call('HSET', prefix .. 'job:' .. id, 'error', 'visibility timeout')
    redis.call('RPUSH', dead, id)
  else
    redis.call('ZADD', ready, now, id)
  end
end
local due = redis.call('ZRANGEBYSCORE', ready, '-inf', now, 'LIMIT', 0, 1)
if #due == 0 then return false end
local id = due[1]
redis.call('ZREM', ready, id)
redis.call('ZADD', running, now + timeout, id)
local attempt = redis.call('HINCRBY', prefix .. 'job:' .. id, 'attempts', 1)
return {id, redis.call('HGET', prefix .. 'job:' .. id, 'payload'), attempt}
"""

# Ends a delivery, only if it is still the job's current one: a worker that stalled past the timeout
# must not ack or fail the delivery another worker now holds. ARGV[4]: 'ack', 'retry' (with a due time
# and error), 'dead' (with error) or 'release' (visible again at once).
_SETTLE = """
local prefix, id, attempt, outcome = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local job = prefix .. 'job:' .. id
if not redis.call('ZSCORE', prefix .. 'running', id) or tonumber(redis.call('HGET', job, 'attempts')) ~= attempt then
  return 0
end
redis.call('ZREM', prefix .. 'running', id)
if outcome == 'ack' then
  redis.call('DEL', job)
elseif outcome == 'retry' then
  redis.call('HSET', job, 'error', ARGV[6])
  redis.call('ZADD', prefix .. 'ready', tonumber(ARGV[5]), id)
elseif outcome == 'dead' then
  redis.call('HSET', job, 'error', ARGV[6])
  redis.call('RPUSH', prefix .. 'dead', id)
else
  redis.call('ZADD', prefix .. 'ready', tonumber(ARGV[5]), id)
end
return 1
"""


class JobQueue:
    def __init__(self, name, *, visibility_timeout=30.0, max_attempts=5, base_delay=1.0, max_delay=60.0,
                 clock=time.time):
        self.prefix = f"jobs:{name}:"
        self.visibility_timeout, self.max_attempts = visibility_timeout, max_attempts
        self.base_delay, self.max_delay, self.clock = base_delay, max_delay, clock
        self.redis = redis.Redis.from_url(os.environ["REDIS_URL"])
        self._reserve = self.redis.register_script(_RESERVE)
        self._settle = self.redis.register_script(_SETTLE)

    def enqueue(self, job_id, payload):
        with self.redis.pipeline() as tx:
            tx.hset(self.prefix + "job:" + job_id, mapping={"payload": json.dumps(payload), "attempts": 0})
            tx.zadd(self.prefix + "ready", {job_id: self.clock()})
            tx.execute()

    def reserve(self):
        taken = self._reserve(args=[self.prefix, self.clock(), self.visibility_timeout, self.max_attempts])
        if taken is None:
            return None
        job_id, payload, attempt = taken
        return {"id": job_id.decode(), "payload": json.loads(payload), "attempt": int(attempt)}

    def ack(self, job):
        return self._end(job, "ack")

    def fail(self, job, error):
        if job["attempt"] >= self.max_attempts:
            return self._end(job, "dead", 0, error)
        delay = min(self.max_delay, self.base_delay * 2 ** (job["attempt"] - 1))
        return self._end(job, "retry", self.clock() + delay, error)

    def release(self, job):
        return self._end(job, "release", self.clock())

    def _end(self, job, outcome, due=0, error=""):
        return self._settle(args=[self.prefix, job["id"], job["attempt"], outcome, due, error]) == 1

    def dead_letters(self):
        letters = []
        for job_id in self.redis.lrange(self.prefix + "dead", 0, -1):
            job = self.redis.hgetall(self.prefix + "job:" + job_id.decode())
            letters.append({"id": job_id.decode(), "payload": json.loads(job[b"payload"]),
                            "attempts": int(job[b"attempts"]), "error": job[b"error"].decode()})
        return letters

    def once(self, key, effect):
        record = self.prefix + "once:" + key
        stored = self.redis.get(record)
        if stored is not None:
            return json.loads(stored)
        result = effect()
        # Recorded only after the effect returned: an effect that raised runs again on the retry.
        self.redis.set(record, json.dumps(result))
        return result


class Worker:
    def __init__(self, queue, handler, *, concurrency=4, poll_interval=0.05):
        self.queue, self.handler = queue, handler
        self.concurrency, self.poll_interval = concurrency, poll_interval
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.running = {}  # thread id -> the delivery its handler is working on
        self.abandoned = False  # set by drain: late handlers then settle nothing
        self.threads = []

    def start(self):
        self.threads = [threading.Thread(target=self._loop, daemon=True) for _ in range(self.concurrency)]
        for thread in self.threads:
            thread.start()

    def drain(self, timeout):
        self.stopping.set()
        deadline = time.monotonic() + timeout
        for thread in self.threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        with self.lock:
            self.abandoned = True
            unfinished = list(self.running.values())
        for job in unfinished:
            self.queue.release(job)
        return sorted(job["id"] for job in unfinished)

    def _loop(self):
        me = threading.get_ident()
        while not self.stopping.is_set():
            job = self.queue.reserve()
            if job is None:
                self.stopping.wait(self.poll_interval)
                continue
            with self.lock:
                self.running[me] = job
            try:
                self.handler(job)
                error = None
            except Exception as failure:
                error = str(failure)
            with self.lock:
                if self.abandoned:
                    return
                del self.running[me]
            # Acknowledged only once the handler returned: a worker that dies before leaves the job
            # to come back after the visibility timeout.
            if error is None:
                self.queue.ack(job)
            else:
                self.queue.fail(job, error)
