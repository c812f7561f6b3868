"""Where a case's SQL comes from: a candidate's file, a file of the tests, or SQL written in the case."""
import os
from dataclasses import dataclass

from sql_script import split_statements

SOLUTION = "/work/solution"
TESTS = "/work/tests"


class SourceError(Exception):
    """A source could not be read: a missing file, text that is not UTF-8, or no statement at all."""


@dataclass(frozen=True)
class Source:
    kind: str  # "solution" | "tests" | "inline"
    label: str  # how messages name it: "migration.sql", "tests/extra.sql", "inline SQL"
    path: str | None = None  # absolute, for the two kinds of file
    sql: str | None = None  # for inline SQL
    engine: str = "sqlite"  # whose quoting and comments split it into statements

    def statements(self, allow_empty=False):
        """The source's statements; none is a mistake unless allow_empty (a migration may be a no-op)."""
        if self.kind == "inline":
            text = self.sql
        else:
            text = _read(self.path, self.label, candidate=self.kind == "solution")
        statements = split_statements(text, self.engine)
        if not statements and not allow_empty:
            raise SourceError(f"{self.label} holds no SQL statement")
        return statements


def _read(path, label, candidate):
    try:
        with open(path, "rb") as file:
            data = file.read()
    except FileNotFoundError:
        if candidate:
            raise SourceError(f"{label} is missing from the solution (this case runs it)") from None
        raise SourceError(f"{label} is missing") from None
    except OSError as err:
        raise SourceError(f"{label} could not be read: {err.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SourceError(f"{label} is not UTF-8 text (byte {err.start})") from None


def parse_source(value, cases_dir, say, field, engine):
    """A Source from its JSON form, or None after telling `say` what is wrong.

    "file.sql" is a candidate's file (relative to the solution); {"file": "x.sql"} a file of the tests
    (relative to the cases file); {"sql": "…" or ["…", …]} SQL written in the case.
    """
    if isinstance(value, str):
        rel = _relative(value, say, field)
        return rel and Source("solution", rel, path=os.path.join(SOLUTION, rel), engine=engine)
    if isinstance(value, dict) and set(value) == {"file"} and isinstance(value["file"], str):
        path = test_file(value["file"], cases_dir, say, f"{field}.file")
        return path and Source("tests", f"tests/{os.path.relpath(path, TESTS)}", path=path, engine=engine)
    if isinstance(value, dict) and set(value) == {"sql"}:
        sql = value["sql"]
        if isinstance(sql, list) and sql and all(isinstance(line, str) for line in sql):
            sql = "\n".join(sql)
        if not isinstance(sql, str) or not split_statements(sql, engine):
            say(f"{field}.sql: must be SQL text (a string, or a list of lines) with a statement")
            return None
        return Source("inline", "inline SQL", sql=sql, engine=engine)
    say(
        f"{field}: must be a candidate's file name (\"query.sql\"), {{\"file\": \"<a file of the tests>\"}} "
        "or {\"sql\": \"<SQL>\"}"
    )
    return None


def test_file(rel, cases_dir, say, field):
    """The absolute path of a file of the tests, given relative to the cases file's folder, or None."""
    norm = _relative(rel, say, field)
    if norm is None:
        return None
    path = os.path.join(cases_dir, norm)
    if not path.startswith(TESTS + os.sep) or not os.path.isfile(path):
        say(f"{field}: {rel!r} is not a file of the tests (paths are relative to the cases file)")
        return None
    return path


def _relative(path, say, field):
    """A normalised relative path that stays inside its folder, or None."""
    norm = os.path.normpath(path) if path else ""
    if not path or os.path.isabs(path) or norm in (".", "..") or norm.startswith("../"):
        say(f"{field}: {path!r} must be a relative path inside its folder")
        return None
    return norm
