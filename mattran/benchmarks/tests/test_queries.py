"""What the load benchmark found, kept from coming back: the entry form a clerk opens and
saves costs the same number of queries however many indicators the programme has (it
cost four more per indicator, which made the page several times slower at national scale)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from mattran.testing import add_indicator, build_world

URL = "/units/tk-w1/reports/2024-08/"


def queries(client, method: str, data: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(URL, data or {})
    assert response.status_code == (302 if method == "post" else 200)
    return len(captured.captured_queries)


def figures(new, kept=()) -> dict[str, str]:
    """The form as a browser posts it: new figures, and the stored ones left as they are."""
    fields = {}
    for indicator in new:
        fields[f"i{indicator.pk}_number"], fields[f"i{indicator.pk}_version"] = "3", "0"
    for indicator in kept:
        fields[f"i{indicator.pk}_number"], fields[f"i{indicator.pk}_version"] = "3", "1"
    return fields


def test_the_entry_form_costs_the_same_queries_for_few_or_many_indicators(db, client):
    world = build_world()
    client.force_login(world.users["w1_clerk"])
    first = [add_indicator(world.programme, f"VII.{n}") for n in (1, 2)]
    queries(client, "get")  # the month's period is created on the first visit
    opened, saved = queries(client, "get"), queries(client, "post", figures(first))
    more = [add_indicator(world.programme, f"VII.{n}") for n in range(3, 13)]
    assert queries(client, "get") == opened
    assert queries(client, "post", figures(more[:2], kept=first)) == saved
