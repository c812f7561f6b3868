"""Requests counted by method, route and status, and their durations by route, in Prometheus's text format."""
import threading

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)


class Metrics:
    def __init__(self):
        self._lock = threading.Lock()
        self._requests = {}  # (method, route, status) -> count
        self._durations = {}  # route -> [count per bucket (cumulative) + +Inf, sum]

    def observe(self, method, route, status, seconds):
        with self._lock:
            key = (method, route, str(status))
            self._requests[key] = self._requests.get(key, 0) + 1
            counts = self._durations.setdefault(route, [0] * (len(BUCKETS) + 1) + [0.0])
            for i, bound in enumerate(BUCKETS):
                if seconds <= bound:
                    counts[i] += 1
            counts[len(BUCKETS)] += 1
            counts[-1] += seconds

    def exposition(self):
        with self._lock:
            lines = ["# HELP http_requests_total Requests answered, by method, route and status.",
                     "# TYPE http_requests_total counter"]
            for (method, route, status), n in sorted(self._requests.items()):
                lines.append(f'http_requests_total{{method="{_escape(method)}",route="{_escape(route)}",'
                             f'status="{status}"}} {n}')
            lines += ["# HELP http_request_duration_seconds Time taken to answer, by route.",
                      "# TYPE http_request_duration_seconds histogram"]
            for route, counts in sorted(self._durations.items()):
                label = f'route="{_escape(route)}"'
                for bound, n in zip([*map(str, BUCKETS), "+Inf"], counts):
                    lines.append(f'http_request_duration_seconds_bucket{{{label},le="{bound}"}} {n}')
                lines.append(f"http_request_duration_seconds_sum{{{label}}} {counts[-1]}")
                lines.append(f"http_request_duration_seconds_count{{{label}}} {counts[len(BUCKETS)]}")
        return "\n".join(lines) + "\n"


def _escape(value):
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
