"""Fits the local Temporal dev server's visibility indexes to the search attributes in use.

Usage: python3 temporal-visibility.py <temporal.db> <slot>...   (the slots registered attributes use, e.g. Keyword06)

The dev server's SQLite visibility table keeps one index per search-attribute slot (Bool01 ... Keyword10, and
Temporal's own TemporalBool01 ... slots), each over a column computed from the row's search attributes as JSON, so
every visibility write parses that JSON again for every slot. This drops the indexes of the slots no attribute uses
and puts back the index of a slot that has come into use. Queries on an unindexed slot still work (by a scan); every
other index (status, type, times, ids, Temporal's named attributes) is left alone. Prints what it changed as JSON.
See scripts/lib/temporal-visibility.mjs for why and docs/benchmarks.md ("Temporal's visibility indexes") for what
it saves.
"""

import json
import re
import sqlite3
import sys
from pathlib import Path

TABLE = "executions_visibility"
SLOT = re.compile(r"^(Temporal)?(Bool|Datetime|Double|Int|Keyword|LowCardinalityKeyword)\d\d$")
# The shape of the dev server's own slot indexes, so a slot that comes back into use gets the index it had.
INDEX = (
    "CREATE INDEX IF NOT EXISTS {name} ON " + TABLE + " (namespace_id, {column}, "
    "(COALESCE(close_time, '9999-12-31 23:59:59+00:00')) DESC, start_time DESC, run_id)"
)


def index_name(column):
    # Keyword06 -> by_keyword_06, TemporalLowCardinalityKeyword01 -> by_temporal_low_cardinality_keyword_01
    words = re.findall(r"[A-Z][a-z]*|\d\d", column)
    return "by_" + "_".join(word.lower() for word in words)


def main(db_file, used):
    # Waits up to 10 s for the dev server's own writes; the changes take milliseconds on a young table.
    # mode=rw: a missing file is an error, not a new empty database.
    db = sqlite3.connect(Path(db_file).resolve().as_uri() + "?mode=rw", uri=True, timeout=10, isolation_level=None)
    columns = [row[1] for row in db.execute(f"PRAGMA table_xinfo({TABLE})")]
    if not columns:
        raise SystemExit(f"{db_file} has no {TABLE} table")
    slots = [column for column in columns if SLOT.match(column)]
    indexed = {}
    for (name,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", (TABLE,)
    ).fetchall():
        keys = [row[2] for row in db.execute(f"PRAGMA index_info({name})")]
        if len(keys) > 1 and keys[1] in slots:
            indexed[keys[1]] = name
    dropped = [indexed[slot] for slot in slots if slot in indexed and slot not in used]
    missing = [slot for slot in slots if slot not in indexed and slot in used]
    if dropped or missing:
        db.execute("BEGIN IMMEDIATE")
        for name in dropped:
            db.execute(f"DROP INDEX {name}")
        for slot in missing:
            db.execute(INDEX.format(name=index_name(slot), column=slot))
        db.execute("COMMIT")
    created = [index_name(slot) for slot in missing]
    print(json.dumps({"dropped": dropped, "created": created, "kept": len(indexed) - len(dropped)}))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    main(sys.argv[1], set(sys.argv[2:]))
