from datetime import date, datetime, time
from decimal import Decimal

import pytest
from django.utils import timezone

from mattran.emulation.movements import publish_results, set_withdrawn
from mattran.emulation.reminders import events
from mattran.emulation.scoring import ReviewEntry, SelfEntry, review_sheet, save_self_assessment
from mattran.emulation.testing import build_movement, sheet_of
from mattran.testing import build_world

NOW = timezone.make_aware(datetime.combine(date(2024, 11, 10), time(9)))


@pytest.fixture
def world(db):
    world = build_world()
    world.movement = build_movement(world)
    return world


def test_each_participant_is_reminded_to_submit_and_the_organiser_to_review(world):
    movement = world.movement
    w1, w2 = world.city.wards[:2]
    first = sheet_of(movement, w1)
    criterion = movement.criteria.get(number="1")
    save_self_assessment(
        participation=first,
        entries={criterion.pk: SelfEntry(score=Decimal(8))},
        submit=True,
        now=NOW,
    )
    set_withdrawn(participation=sheet_of(movement, w2), withdrawn=True, reason="Sáp nhập")
    found = {e.key: e for e in events(date(2024, 11, 10))}
    assert len(found) == 9 - 1 + 1  # every participant but the withdrawn one, and the review
    own = found[f"emulation-self:{movement.pk}:{first.pk}"]
    assert own.unit_id == w1.pk and own.due_on == date(2024, 11, 15) and own.done
    assert own.url == f"/units/{w1.code}/emulation/{movement.pk}/score/"
    assert own.text == (
        f"Nộp bảng tự chấm điểm phong trào “{movement.title}” trước ngày 15/11/2024"
    )
    third = found[f"emulation-self:{movement.pk}:{sheet_of(movement, world.city.wards[2]).pk}"]
    assert not third.done
    review = found[f"emulation-review:{movement.pk}"]
    assert review.unit_id == world.city.city.pk and review.due_on == date(2024, 11, 30)
    assert not review.done and "còn 1 đơn vị chờ chấm" in review.text
    review_sheet(participation=first, entries={criterion.pk: ReviewEntry(score=Decimal(8))})
    assert {e.key: e for e in events(date(2024, 11, 20))}[review.key].done
    publish_results(movement=movement)
    assert events(date(2024, 11, 20)) == []
