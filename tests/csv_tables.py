"""The tables of a report's CSV, as a spreadsheet reads them: the output holds several
tables one after another (actions, statements, facts), each with its header, with a blank
row between. Read with the csv module, so the tables are found whatever the line endings
(CRLF as written, LF once a text-mode pipe has converted them) and a cell holding a
blank line inside quotes never ends a table."""

from __future__ import annotations

import csv
import io


def csv_tables(text: str) -> list[list[dict[str, str]]]:
    """Each table's rows, keyed by its header; a blank row starts the next table."""
    tables: list[list[list[str]]] = [[]]
    for row in csv.reader(io.StringIO(text, newline="")):
        if not row:
            tables.append([])
        else:
            tables[-1].append(row)
    out = []
    for rows in tables:
        if not rows:
            continue
        header, *body = rows
        assert all(len(r) == len(header) for r in body), f"a ragged table under {header}"
        out.append([dict(zip(header, r, strict=True)) for r in body])
    return out
