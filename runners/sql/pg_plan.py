"""What PostgreSQL did for a query: EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) read as plan lines, the tables
it scanned sequentially, the rows its scans read and the shared pages it touched."""
import json
from dataclasses import dataclass

from pg_script import run_pg_statements

# Nodes that read a table's rows (the rows they read: those they returned and those their filter removed).
SCANS = {"Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan", "Tid Scan", "Tid Range Scan"}


@dataclass(frozen=True)
class Explained:
    lines: list  # one per plan node, indented two spaces per level
    seq_scanned: set  # lower-cased names of the tables read by a Seq Scan
    rows_read: int  # rows the scans read, over all their loops
    pages: int  # shared buffers hit plus read, the whole plan's
    ms: float  # the execution time it reports
    command: str = "EXPLAIN ANALYZE"  # what made it, as the messages name it
    full_scan: str = "a sequential scan"  # what reading a whole table is called
    page_kind: str = "shared"  # the pages counted (8 kB each on PostgreSQL, 16 kB on MariaDB)


def explain(conn, statement, params, where):
    sql = "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + statement.sql
    _, rows = run_pg_statements(conn, [type(statement)(sql, statement.line)], where, params)
    doc = rows[0][0]
    doc = json.loads(doc) if isinstance(doc, str) else doc
    top = doc[0]
    lines, scanned, read = [], set(), [0]
    _walk(top["Plan"], 0, lines, scanned, read)
    plan = top["Plan"]
    pages = plan.get("Shared Hit Blocks", 0) + plan.get("Shared Read Blocks", 0)
    return Explained(lines, scanned, read[0], pages, top.get("Execution Time", 0.0))


def _walk(node, depth, lines, scanned, read):
    kind = node["Node Type"]
    relation = node.get("Relation Name")
    loops = node.get("Actual Loops", 1)
    rows = node.get("Actual Rows", 0)
    label = kind + (f" using {node['Index Name']}" if node.get("Index Name") else "")
    label += f" on {relation}" if relation else ""
    if relation and node.get("Alias") not in (None, relation):
        label += f" {node['Alias']}"
    pages = node.get("Shared Hit Blocks", 0) + node.get("Shared Read Blocks", 0)
    lines.append("  " * depth + f"{label} (rows={rows} loops={loops} pages={pages})")
    if kind in SCANS:
        removed = node.get("Rows Removed by Filter", 0) + node.get("Rows Removed by Index Recheck", 0)
        read[0] += round((rows + removed) * loops)
    if kind == "Seq Scan" and relation:
        scanned.add(relation.lower())
    for child in node.get("Plans", []):
        _walk(child, depth + 1, lines, scanned, read)
