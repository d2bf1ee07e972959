"""The `mattran` console script: Django's manage.py under the product's name."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mattran.config.settings")
    from django.core.management import execute_from_command_line

    args = list(argv if argv is not None else sys.argv[1:])
    if args and "-" in args[0] and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")  # `mattran restore-diacritics` names restore_diacritics
    from django.db.utils import OperationalError

    try:
        execute_from_command_line(["mattran", *args])
    except OperationalError as exc:  # no database server, no database, wrong password
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        sys.stderr.write(
            "Không kết nối được cơ sở dữ liệu (kiểm tra DATABASE_URL, máy chủ PostgreSQL và "
            f"tên cơ sở dữ liệu; xem README). Chi tiết: {first}\n"
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
