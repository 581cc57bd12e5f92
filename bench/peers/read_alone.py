#!/usr/bin/env python3
"""The peers' two national files read by polars or DuckDB and nothing else: bench/floor.sh's floor.

usage: read_alone.py polars|duckdb DATA_DIR

Reads DATA_DIR/patients.csv and DATA_DIR/activity.csv (gen_data.py) into memory, every column typed
as the norms of ../peers/norms type them (dates as dates, integers, flags as small integers, amounts
and coefficients as exact decimals), on every core, with no computation. Prints one JSON line: rows,
and per file the wall and CPU seconds of the read alone (interpreter start and import excluded).
"""
import json
import os
import sys
import time

t_start = time.perf_counter()
PATIENTS = {"patient_id": "text", "team_id": "text", "birth_date": "date", "sex": "text",
            "ald_count": "int16", "c2s": "int8", "ame": "int8", "consuming": "int8"}
ACTIVITY = {"ps_id": "text", "patient_id": "text", "act_date": "date", "act_code": "text",
            "quantity": "int32", "coefficient": "decimal", "amount": "decimal"}


def polars_reader():
    import polars as pl
    kinds = {"text": pl.Utf8, "date": pl.Date, "int8": pl.Int8, "int16": pl.Int16, "int32": pl.Int32,
             "decimal": pl.Decimal(18, 2)}

    def read(path, columns):
        # Dates are DD/MM/YYYY: polars recognises the pattern from the first rows.
        df = pl.read_csv(path, separator=";", decimal_comma=True,
                         schema_overrides={name: kinds[k] for name, k in columns.items()})
        return df.height
    return "polars " + pl.__version__, pl.thread_pool_size(), read


def duckdb_reader():
    import duckdb
    con = duckdb.connect()
    kinds = {"text": "VARCHAR", "date": "DATE", "int8": "TINYINT", "int16": "SMALLINT",
             "int32": "INTEGER", "decimal": "DECIMAL(18,2)"}

    def read(path, columns):
        table = os.path.basename(path).split(".")[0]
        types = ", ".join(f"'{name}': '{kinds[k]}'" for name, k in columns.items())
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{path}', delim=';', header=true, "
                    f"dateformat='%d/%m/%Y', decimal_separator=',', columns={{{types}}})")
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    return "DuckDB " + duckdb.__version__, threads, read


def main():
    tool, data = sys.argv[1], sys.argv[2]
    version, threads, read = {"polars": polars_reader, "duckdb": duckdb_reader}[tool]()
    result = {"tool": version, "threads": threads, "import_s": round(time.perf_counter() - t_start, 3)}
    for name, columns in (("patients", PATIENTS), ("activity", ACTIVITY)):
        wall, cpu = time.perf_counter(), time.process_time()
        rows = read(os.path.join(data, f"{name}.csv"), columns)
        result[name] = {"rows": rows, "wall": round(time.perf_counter() - wall, 4),
                        "cpu": round(time.process_time() - cpu, 4)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
