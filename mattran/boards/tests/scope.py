"""The boards app's part of the scope matrix (accounts/tests/test_scope_matrix.py)."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from django.urls import reverse

from mattran.boards.ratings import rate
from mattran.boards.records import save_case, save_project

YEAR = 2024


def prepare(world):
    world.boards_records = {}
    for ward in world.city.wards[:2]:
        rate(unit=ward, subject="committee", year=YEAR, rating=3)
        case = save_case(
            unit=ward,
            fields={
                "opened_on": date(2024, 8, 5),
                "kind": "supervision",
                "title": "Giám sát việc thu, chi quỹ phòng, chống thiên tai",
                "recommendations_made": 2,
                "recommendations_resolved": 1,
                "status": "open",
            },
        )
        project = save_project(
            unit=ward,
            fields={
                "name": "Bê tông hóa đường kiệt khối phố 2",
                "funding": ["people"],
                "budget": Decimal(300_000_000),
                "started_on": date(2024, 8, 1),
            },
        )
        world.boards_records[ward.code] = SimpleNamespace(case=case, project=project)


def urls(world, code) -> dict[str, tuple[str, str]]:
    mine = getattr(world, "boards_records", {}).get(code)
    case = mine.case.pk if mine else 0
    project = mine.project.pk if mine else 0
    b = "boards:"
    rating = [code, "committee", YEAR]
    return {
        b + "index": ("get", reverse(b + "index", args=[code])),
        b + "index#excel": ("get", reverse(b + "index", args=[code]) + "?excel=1"),
        b + "indicators": ("post", reverse(b + "indicators", args=[code])),
        b + "rate": ("get", reverse(b + "rate", args=rating)),
        b + "rate#post": ("post", reverse(b + "rate", args=rating)),
        b + "rate_delete": ("post", reverse(b + "rate_delete", args=rating)),
        b + "cases": ("get", reverse(b + "cases", args=[code])),
        b + "cases#excel": ("get", reverse(b + "cases", args=[code]) + "?excel=1"),
        b + "case_new": ("get", reverse(b + "case_new", args=[code])),
        b + "case_new#post": ("post", reverse(b + "case_new", args=[code])),
        b + "case_edit": ("get", reverse(b + "case_edit", args=[code, case])),
        b + "case_edit#post": ("post", reverse(b + "case_edit", args=[code, case])),
        b + "case_delete": ("post", reverse(b + "case_delete", args=[code, case])),
        b + "projects": ("get", reverse(b + "projects", args=[code])),
        b + "projects#excel": ("get", reverse(b + "projects", args=[code]) + "?excel=1"),
        b + "project_new": ("get", reverse(b + "project_new", args=[code])),
        b + "project_new#post": ("post", reverse(b + "project_new", args=[code])),
        b + "project_edit": ("get", reverse(b + "project_edit", args=[code, project])),
        b + "project_edit#post": ("post", reverse(b + "project_edit", args=[code, project])),
        b + "project_delete": ("post", reverse(b + "project_delete", args=[code, project])),
    }
