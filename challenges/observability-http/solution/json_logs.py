"""One JSON object per log line, in the file LOG_FILE names, each with the id of the request it belongs to."""
import json
import logging
from datetime import datetime, timezone

from flask import g, has_request_context

from redaction import redact


def current_request_id():
    return g.get("request_id") if has_request_context() else None


class JsonFormatter(logging.Formatter):
    def format(self, record):
        fields = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "msg": record.getMessage(),
            **getattr(record, "fields", {}),
        }
        if record.exc_info:
            fields["exception"] = self.formatException(record.exc_info)
        # Redacted last, over everything: a message or a traceback can quote a secret as well as a field can.
        # Not the request id, which is well formed and must stay as it is (even all digits).
        return json.dumps({**redact(fields), "request_id": current_request_id()})


def log_to(path):
    """Every logger writes JSON lines to `path`; the development server's own access lines are left out
    (they come after the response, outside the request, and our request line says it all)."""
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    logging.getLogger("werkzeug").disabled = True


def event(logger, level, msg, **fields):
    """Logs `msg` with `fields` as keys of the line."""
    logger.log(level, msg, extra={"fields": fields})
