"""The demo's people's voice reads like the city's August 2024 report (seed 003)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from mattran.activities.models import Activity
from mattran.core.periods import PeriodSpec
from mattran.demo.voice import clear_voice, create_voice
from mattran.documents.monthly import monthly_content
from mattran.programmes.models import Programme
from mattran.reporting.models import Submission
from mattran.units.models import Unit
from mattran.voice.models import Dialogue, Petition, Supervision, Survey, VoterMeeting
from mattran.voice.tallies import tally


@pytest.fixture
def tamky(db):
    call_command("demo", stdout=StringIO())
    city = Unit.objects.get(code="tamky")
    before = dict(Submission.objects.values_list("pk", "status"))
    create_voice(city, Programme.objects.get())
    assert dict(Submission.objects.values_list("pk", "status")) == before
    return city


def blocks(city, month="2024-08"):
    content = monthly_content(city, PeriodSpec.parse(month))
    return {b["key"]: b for b in content["blocks"]}


def test_the_demo_records_are_the_activities_the_august_report_counts(tamky):
    per_type = dict(
        Activity.objects.filter(date__year=2024, date__month=8)
        .values_list("type__code")
        .annotate(n=Count("pk"))
    )
    assert per_type["voter_meeting"] == 14 and per_type["dialogue"] == 9
    text = blocks(tamky)
    assert text["I.3.dialogue"]["text"].startswith(
        "09/13 đơn vị cấp xã, phường tổ chức Hội nghị đối thoại trực tiếp"
    )
    assert (
        "Đối thoại trực tiếp giữa cấp ủy, chính quyền với trẻ em"
        in (text["I.3.dialogue"]["footnotes"]["1"])
    )
    assert text["I.3.voter_meeting"]["text"].startswith("13/13 đơn vị cấp xã, phường")
    supervision = Supervision.objects.get(started_on__month=8, unit=tamky)
    assert "tín dụng chính sách xã hội" in supervision.title
    assert Activity.objects.filter(title=supervision.title).count() == 1  # adopted, not doubled
    assert supervision.recommendations.filter(status="pending").count() == 1


def test_the_demo_has_answered_waiting_and_overdue_petitions_and_a_survey(tamky):
    statuses = {p.status for p in Petition.objects.all()}
    assert statuses == {"answered", "overdue", "pending"}
    assert VoterMeeting.objects.count() == 14 and Dialogue.objects.count() >= 21
    survey = Survey.objects.get()
    result = tally(survey)
    assert result.responses >= 50 and len([a for a in result.areas if a.responses]) == 5
    assert 0.5 < float(result.overall.share) < 1
    create_voice(tamky, Programme.objects.get())  # a second run adds nothing
    assert VoterMeeting.objects.count() == 14
    clear_voice()
    assert not Petition.objects.exists() and not Survey.objects.exists()
