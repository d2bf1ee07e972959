"""Two clerks spending the same balance at the same moment: the row lock on the fund (or, on
SQLite, the database's single writer) lets exactly one of them through."""

import threading
import time
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import OperationalError, connection, connections

from mattran.funds import checks
from mattran.funds.balances import balance
from mattran.funds.models import Entry
from mattran.funds.testing import donate, poor_fund, spend
from mattran.testing import build_city


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_disbursements_never_overdraw_the_fund(monkeypatch):
    fund = poor_fund(build_city(areas=0).city)
    donate(fund, date(2024, 3, 1), 20_000_000)
    read = checks.lowest_balance_from

    def slow_read(*args, **kwargs):  # widen the gap between reading and writing
        result = read(*args, **kwargs)
        time.sleep(0.4)
        return result

    monkeypatch.setattr(checks, "lowest_balance_from", slow_read)
    outcomes = []

    def clerk(delay):
        time.sleep(delay)
        try:
            spend(fund, date(2024, 3, 5), 15_000_000)
            outcomes.append("written")
        except ValidationError:
            outcomes.append("refused")
        except OperationalError:  # SQLite: "database is locked" for the second writer
            outcomes.append("locked")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=clerk, args=(d,)) for d in (0, 0.1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(outcomes) == 2 and outcomes.count("written") == 1, outcomes
    if connection.vendor == "postgresql":
        assert "refused" in outcomes  # the second clerk waited for the lock, then saw 5 million
    assert Entry.objects.filter(fund=fund).count() == 2
    assert balance(fund, date(2024, 12, 31)) == 5_000_000
