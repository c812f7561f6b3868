"""What SQL may do on a case's connection: an allow-list authorizer (sqlite3's set_authorizer).

SQLite asks the authorizer about every action a statement will take while compiling it, so a refused
action fails the statement before it runs (SQLITE_AUTH). Who wrote the statement decides what it may do:

- the candidate's queries only read: SELECT, reading tables (no virtual table), allowed functions;
- the candidate's migrations also take the statement kinds the cases file permits (`migrationMay`),
  never a TEMP object, a virtual table, ATTACH or PRAGMA;
- the tests' own SQL may do anything but ATTACH; what it triggers in the candidate's triggers and views
  (SQLite names the trigger or view) follows the candidate's rules, with writes allowed.
"""
import sqlite3
from contextlib import contextmanager

# The candidate's SQL may call these and no other function (not load_extension, not fts3_tokenizer, which
# hands out a pointer, nor any function of an extension compiled into the library).
FUNCTIONS = frozenset("""
abs changes char coalesce format glob hex ifnull iif instr length like likelihood likely lower ltrim
max min nullif printf quote replace round rtrim sign substr substring trim typeof unicode unlikely upper
avg count group_concat sum total
row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value
date time datetime julianday unixepoch strftime current_date current_time current_timestamp
acos acosh asin asinh atan atan2 atanh ceil ceiling cos cosh degrees exp floor ln log log10 log2 mod pi
pow power radians sin sinh sqrt tan tanh trunc
json json_array json_array_length json_extract json_insert json_object json_patch json_quote
json_remove json_replace json_set json_type json_valid json_group_array json_group_object -> ->>
""".split())
# SQLite's own helpers for ALTER TABLE, internal (no SQL can call them) but authorized like any function.
ALTER_FUNCTIONS = frozenset({"sqlite_rename_table", "sqlite_rename_test", "sqlite_rename_column",
                             "sqlite_rename_quotefix", "sqlite_drop_column"})
# The library's eponymous virtual tables: readable by name without CREATE VIRTUAL TABLE.
VIRTUAL_TABLES = frozenset({"json_each", "json_tree", "dbstat", "sqlite_dbpage", "sqlite_stmt", "generate_series"})
# SQLite keeps these itself (and refuses a statement's own writes to them without PRAGMA writable_schema).
SCHEMA_TABLES = frozenset({"sqlite_master", "sqlite_temp_master"})

STATEMENT_KINDS = {
    "CREATE TABLE": sqlite3.SQLITE_CREATE_TABLE, "CREATE INDEX": sqlite3.SQLITE_CREATE_INDEX,
    "CREATE VIEW": sqlite3.SQLITE_CREATE_VIEW, "CREATE TRIGGER": sqlite3.SQLITE_CREATE_TRIGGER,
    "DROP TABLE": sqlite3.SQLITE_DROP_TABLE, "DROP INDEX": sqlite3.SQLITE_DROP_INDEX,
    "DROP VIEW": sqlite3.SQLITE_DROP_VIEW, "DROP TRIGGER": sqlite3.SQLITE_DROP_TRIGGER,
    "ALTER TABLE": sqlite3.SQLITE_ALTER_TABLE, "INSERT": sqlite3.SQLITE_INSERT,
    "UPDATE": sqlite3.SQLITE_UPDATE, "DELETE": sqlite3.SQLITE_DELETE, "ANALYZE": sqlite3.SQLITE_ANALYZE,
}
WRITES = {sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE}
READS = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION, sqlite3.SQLITE_RECURSIVE}
# Result codes share the actions' numbers, so the actions' names are listed.
ACTION_NAMES = {getattr(sqlite3, f"SQLITE_{name}"): name.replace("_", " ") for name in """
CREATE_INDEX CREATE_TABLE CREATE_TEMP_INDEX CREATE_TEMP_TABLE CREATE_TEMP_TRIGGER CREATE_TEMP_VIEW
CREATE_TRIGGER CREATE_VIEW DELETE DROP_INDEX DROP_TABLE DROP_TEMP_INDEX DROP_TEMP_TABLE DROP_TEMP_TRIGGER
DROP_TEMP_VIEW DROP_TRIGGER DROP_VIEW INSERT PRAGMA TRANSACTION UPDATE ALTER_TABLE REINDEX ANALYZE
CREATE_VTABLE DROP_VTABLE SAVEPOINT""".split()}
HARNESS, AUTHOR, QUERY, MIGRATION = "harness", "author", "query", "migration"


class Guard:
    """The authorizer of one case's connection; `acting(mode)` says whose SQL runs next."""

    def __init__(self, conn, migration_may):
        self._mode = HARNESS
        self._may = {STATEMENT_KINDS[kind] for kind in migration_may}
        # What was refused since `acting` last began, if anything. SQLite reports a refused function as
        # SQLITE_ERROR and other refusals as SQLITE_AUTH, so the code alone cannot tell.
        self.refusal = None
        conn.set_authorizer(self._authorize)

    @contextmanager
    def acting(self, mode):
        before, self._mode, self.refusal = self._mode, mode, None
        try:
            yield
        finally:
            self._mode = before

    def _authorize(self, action, arg1, arg2, database, inner):
        why = self._why_not(action, arg1 or "", arg2, database, inner)
        if why is None:
            return sqlite3.SQLITE_OK
        self.refusal = why
        return sqlite3.SQLITE_DENY

    def _why_not(self, action, arg1, arg2, database, inner):
        """None when allowed, else what was refused. `inner` names the trigger or view acting, if any."""
        if self._mode == HARNESS:
            return None
        if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
            return "ATTACH and DETACH (no case uses another database)"
        if self._mode == AUTHOR and inner is None:
            return None
        if database not in (None, "main", "temp"):
            return f"the database {database!r}"
        if action == sqlite3.SQLITE_FUNCTION:
            ok = arg2 in FUNCTIONS or (arg2 in ALTER_FUNCTIONS and sqlite3.SQLITE_ALTER_TABLE in self._may)
            return None if ok else f"the function {arg2}() (not on the runner's list of allowed functions)"
        if action == sqlite3.SQLITE_READ and (arg1 in VIRTUAL_TABLES or arg1.startswith("pragma_")):
            return f"the virtual table {arg1}"
        if action in READS:
            return None
        if action in WRITES and (arg1 in SCHEMA_TABLES or self._mode == AUTHOR or self._migration_writes(action, arg1)):
            return None
        if self._mode == MIGRATION and self._migration_may(action, arg1):
            return None
        return self._describe(action, arg1)

    def _migration_writes(self, action, table):
        """The writes a permitted statement makes itself: DROP TABLE deletes the table's rows (and its
        statistics) first; ANALYZE replaces the statistics it had."""
        if self._mode != MIGRATION or action != sqlite3.SQLITE_DELETE:
            return False
        return sqlite3.SQLITE_DROP_TABLE in self._may or (
            sqlite3.SQLITE_ANALYZE in self._may and table.startswith("sqlite_stat"))

    def _migration_may(self, action, arg1):
        if action == sqlite3.SQLITE_REINDEX:  # CREATE INDEX fills the new index
            return sqlite3.SQLITE_CREATE_INDEX in self._may
        if action == sqlite3.SQLITE_CREATE_TABLE and arg1.startswith("sqlite_stat"):  # ANALYZE's own table
            return sqlite3.SQLITE_ANALYZE in self._may
        return action in self._may

    def _describe(self, action, arg1):
        what = ACTION_NAMES.get(action, f"action {action}")
        target = f" ({arg1})" if arg1 else ""
        if self._mode == QUERY:
            return f"{what}{target}: a query may only read (SELECT)"
        if self._mode == MIGRATION:
            allowed = ", ".join(k for k, v in STATEMENT_KINDS.items() if v in self._may) or "nothing but reads"
            return f"{what}{target}: this challenge's migration may run {allowed}"
        return f"{what}{target} in a trigger or view"
