"""Which id a request goes by: the client's, when it is well formed, else a fresh one."""
import re
import uuid

# 1 to 128 letters, digits, '-', '_', '.' or ':': nothing that could break a header, a log line or a query.
WELL_FORMED = re.compile(r"[A-Za-z0-9_.:-]{1,128}")


def request_id_for(incoming):
    """`incoming` (the X-Request-Id header, or None) if it is well formed, else a new uuid4."""
    if incoming is not None and WELL_FORMED.fullmatch(incoming):
        return incoming
    return str(uuid.uuid4())
