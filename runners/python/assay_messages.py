"""Turns exceptions into messages a candidate can act on: the error, then the file and line in /work."""
import traceback

WORK = "/work/"


def relative(path):
    return path[len(WORK):] if path.startswith(WORK) else path


def exception_message(exc):
    """'Type: text' plus where in /work it was raised; a SyntaxError shows its offending line."""
    text = "".join(traceback.format_exception_only(type(exc), exc)).rstrip()
    if isinstance(exc, SyntaxError):
        # format_exception_only already gives 'File "…", line N' and a caret under the error.
        return text.replace(f'File "{WORK}', 'File "').strip()
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.startswith(WORK)]
    if not frames:
        # Raised in the solution's process (python runner): where, as that process saw it.
        where = getattr(exc, "assay_where", None)
        return f"{text}\n  {where}" if where else text
    where = frames[-1]
    return f'{text}\n  File "{relative(where.filename)}", line {where.lineno}'


def collection_error_message(path, exc, fallback):
    """Why a test file could not be imported. pytest wraps import errors, keeping the original as cause."""
    while exc is not None and type(exc).__name__ == "CollectError" and exc.__cause__ is not None:
        exc = exc.__cause__
    if exc is None or type(exc).__name__ == "CollectError":
        return f"{relative(path)} could not be collected:\n{fallback}"
    return f"{relative(path)} could not be imported:\n{exception_message(exc)}"
