"""Foreign keys checked once per load instead of once per row (PostgreSQL).

PostgreSQL checks each foreign key with a trigger per inserted row. A bulk load whose keys
are known to be good can switch those triggers off for the load (session_replication_role:
a superuser, or since PostgreSQL 15 `GRANT SET ON PARAMETER session_replication_role`) and
check every key with one anti-join instead. Without the right, the triggers stay on.
"""

from django.db import DatabaseError, connection, transaction


def key_triggers_off(cursor) -> bool:
    """Switch the per-row triggers off until `key_triggers_on` or the transaction's end;
    False (and nothing changed) on SQLite or without the right."""
    if connection.vendor != "postgresql":
        return False
    try:  # in a savepoint: without the right, the transaction goes on with triggers on
        with transaction.atomic():
            cursor.execute("SET LOCAL session_replication_role = replica")
    except DatabaseError:
        return False
    return True


def key_triggers_on(cursor) -> None:
    cursor.execute("SET LOCAL session_replication_role = origin")


def dangling(cursor, table: str, column: str, target: str) -> int:
    """How many rows of `table` have a `column` pointing to no row of `target`."""
    cursor.execute(
        f"SELECT count(*) FROM {table} t LEFT JOIN {target} r ON r.id = t.{column} "
        f"WHERE t.{column} IS NOT NULL AND r.id IS NULL"
    )
    return cursor.fetchone()[0]
