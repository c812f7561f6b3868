"""What MariaDB did for a query: ANALYZE FORMAT=JSON read as plan lines, the tables it read whole
(access_type ALL), the rows its table accesses read (r_rows over r_loops) and the pages InnoDB touched
(r_engine_stats)."""
import json

from maria_script import run_maria_statements
from pg_plan import Explained


def explain_maria(conn, statement, params, where):
    sql = "ANALYZE FORMAT=JSON " + statement.sql
    _, rows = run_maria_statements(conn, [type(statement)(sql, statement.line)], where, params)
    doc = json.loads(rows[0][0])
    lines, scanned, totals = [], set(), {"rows": 0, "pages": 0}
    _walk(doc.get("query_block", doc), 0, lines, scanned, totals)
    return Explained(lines, scanned, round(totals["rows"]), totals["pages"],
                     doc.get("query_block", {}).get("r_total_time_ms", 0.0), command="ANALYZE FORMAT=JSON",
                     full_scan="a full table scan, access_type ALL", page_kind="InnoDB")


def _walk(node, depth, lines, scanned, totals):
    """Every `table` object, wherever the plan nests it (nested_loop, subqueries, materialisations…)."""
    if isinstance(node, list):
        for item in node:
            _walk(item, depth, lines, scanned, totals)
        return
    if not isinstance(node, dict):
        return
    table = node.get("table") if isinstance(node.get("table"), dict) else None
    if table and "table_name" in table:
        name, access = table["table_name"], table.get("access_type", "?")
        loops, rows = table.get("r_loops", 0) or 0, table.get("r_rows", 0) or 0
        pages = (table.get("r_engine_stats") or {}).get("pages_accessed", 0)
        key = f" using {table['key']}" if table.get("key") else ""
        lines.append("  " * depth + f"{access}{key} on {name} (r_rows={rows} r_loops={loops} pages={pages})")
        totals["rows"] += rows * loops
        totals["pages"] += pages
        if access == "ALL":
            scanned.add(name.lower())
    for key, value in node.items():
        if key != "table" or table is None:
            _walk(value, depth + (1 if key in ("nested_loop", "materialized", "subqueries") else 0),
                  lines, scanned, totals)
        elif isinstance(value, dict):  # a table's own nested parts (its subqueries, materialisations)
            _walk({k: v for k, v in value.items() if isinstance(v, (dict, list))}, depth + 1, lines, scanned, totals)
