"""The demo's ratings and boards: linked indicators carry computed figures only, and they
say what the records say."""

from mattran.boards import feeding
from mattran.boards.models import (
    BoardIndicatorLink,
    InspectionCase,
    InvestmentProject,
    YearlyRating,
)
from mattran.reporting.models import DataValue


def test_the_demo_links_rates_and_records(demo):
    links = {link.indicator.code: link.measure for link in BoardIndicatorLink.objects.all()}
    assert links == {
        "III.9": "inspection_effective",
        "III.10": "projects_supervised",
        "V.3": "committee_rating",
        "V.4": "committee_rating",
        "V.5": "area_board_rating",
    }
    ward_ratings = YearlyRating.objects.filter(subject="committee", unit__tier="commune")
    assert ward_ratings.filter(year=2024).count() == 13
    assert YearlyRating.objects.filter(subject="area_board").count() > 40
    assert InspectionCase.objects.count() >= 16 and InvestmentProject.objects.count() >= 16
    for code in links:
        values = DataValue.objects.filter(indicator__code=code)
        assert values.exists(), code
        assert all(v.note.startswith("Tính tự động") for v in values), code  # none drawn
    for link in BoardIndicatorLink.objects.all():
        assert not [item for item in feeding.plan(link) if item.changes], link
    excellent = DataValue.objects.get(indicator__code="V.4", unit__code="tamky-anmy")
    assert excellent.rating == 4
