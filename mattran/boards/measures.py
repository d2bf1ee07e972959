"""What the indicators read from the records, each with the reason shown to people ("vì
sao"): whether a People's Inspection Board worked effectively in a year, and the share of
the projects in scope that the Community Investment Supervision Board has supervised.

**Hoạt động hiệu quả** (indicator III.9). The programme does not define it; Mattran takes
the assessment of the level above first, and the board's record when there is none yet:
1. the board's yearly rating, when it has one: effective if "Hoàn thành tốt nhiệm vụ" or
   better (the same bar as the committees' "hoàn thành tốt nhiệm vụ trở lên");
2. otherwise, effective if it handled at least one case in the year and at least 70% of
   the recommendations it made that year were taken up or resolved (a year whose cases
   needed no recommendation passes on the cases alone);
3. nothing to judge (no rating, no case): no figure, so the board is not counted as
   effective.

**Supervised projects** (indicator III.10): the projects funded by the people's
contributions and/or the commune budget that are under way in the year (started by the day
the figure is taken, not completed before the year began), and those of them supervised by
that day. A monthly figure is taken at the month's end, so it accumulates over the year.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from mattran.boards.models import InvestmentProject, Subject, YearlyRating
from mattran.boards.selectors import cases_for, projects_for, rating_of
from mattran.core.numbers import format_number
from mattran.core.ratings import Rating
from mattran.units.models import Unit

RESOLVED_SHARE = Decimal(70)  # % of recommendations taken up for an unrated board
EFFECTIVE_RATING = Rating.GOOD


@dataclass
class InspectionVerdict:
    """Was the inspection board of `unit` effective in `year`, and why."""

    unit: Unit
    year: int
    effective: bool | None
    reason: str
    rating: YearlyRating | None = None
    cases: int = 0
    made: int = 0
    resolved: int = 0

    @property
    def label(self) -> str:
        if self.effective is None:
            return "Chưa đủ căn cứ"
        return "Hoạt động hiệu quả" if self.effective else "Chưa hiệu quả"


def share_text(part: int, whole: int) -> str:
    if not whole:
        return "—"
    return f"{format_number(Decimal(part) * 100 / Decimal(whole), decimals=1)}%"


def inspection_verdict(unit: Unit, year: int) -> InspectionVerdict:
    rating = rating_of(unit, Subject.INSPECTION_BOARD, year)
    cases = list(cases_for(unit, year))
    made = sum(c.recommendations_made for c in cases)
    resolved = sum(c.recommendations_resolved for c in cases)
    counts = {"cases": len(cases), "made": made, "resolved": resolved}
    if rating is not None:
        good = rating.rating >= EFFECTIVE_RATING
        reason = f"Được xếp loại “{rating.get_rating_display()}” năm {year}" + (
            " (từ hoàn thành tốt nhiệm vụ trở lên)."
            if good
            else ", chưa đạt mức hoàn thành tốt nhiệm vụ."
        )
        return InspectionVerdict(unit, year, good, reason, rating, **counts)
    if not cases:
        return InspectionVerdict(
            unit, year, None, f"Chưa được xếp loại và chưa có vụ việc nào trong năm {year}."
        )
    head = f"Chưa được xếp loại; {len(cases)} vụ việc trong năm"
    if not made:
        return InspectionVerdict(
            unit, year, True, head + ", không có kiến nghị phải giải quyết.", **counts
        )
    good = Decimal(resolved) * 100 >= RESOLVED_SHARE * made
    reason = (
        f"{head}, {resolved}/{made} kiến nghị được tiếp thu, giải quyết "
        f"({share_text(resolved, made)}; cần từ {format_number(RESOLVED_SHARE)}% trở lên)."
    )
    return InspectionVerdict(unit, year, good, reason, **counts)


@dataclass
class ProjectShare:
    """The projects in scope of III.10 for `unit` in `year` as of a day."""

    unit: Unit
    year: int
    as_of: date
    projects: list[InvestmentProject] = field(default_factory=list)

    @property
    def in_scope(self) -> list[InvestmentProject]:
        return [p for p in self.projects if p.in_scope]

    @property
    def total(self) -> int:
        return len(self.in_scope)

    @property
    def supervised(self) -> int:
        return sum(1 for p in self.in_scope if supervised_by(p, self.as_of))

    @property
    def percent(self) -> str:
        return share_text(self.supervised, self.total)

    @property
    def reason(self) -> str:
        if not self.total:
            return (
                f"Chưa có công trình, dự án nào có vốn Nhân dân đóng góp hoặc ngân sách cấp xã "
                f"trong năm {self.year}."
            )
        return (
            f"{self.supervised}/{self.total} công trình, dự án có vốn Nhân dân đóng góp hoặc "
            f"ngân sách cấp xã đã được giám sát ({self.percent})."
        )


def supervised_by(project: InvestmentProject, day: date) -> bool:
    return bool(project.supervised and project.supervised_on and project.supervised_on <= day)


def project_share(unit: Unit, year: int, as_of: date) -> ProjectShare:
    return ProjectShare(unit, year, as_of, projects_for(unit, year, as_of))
