"""The Tam Kỳ demo, whole: exported, the database flushed, imported, every row as it was.
One test, since loading the demo takes a while."""

from datetime import date, timedelta
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from mattran.accounts.models import User
from mattran.api.tokens import create_token
from mattran.archive.registry import RULES, Kind
from mattran.archive.services import export_unit
from mattran.archive.tests.world import archive_lines, archived_keys, png, snapshot
from mattran.documents.models import DocumentStyle, GeneratedFile, Report
from mattran.households.models import HouseholdAccess
from mattran.imports.models import ImportJob
from mattran.reminders.models import Reminder
from mattran.units.models import Unit
from mattran.voice.models import PetitionAccessGrant

# Exporting writes these rows after the archive is written (who exported, who read names).
WRITTEN_BY_EXPORT = {"audit.auditentry": "archive.export", "households.householdaccess": "export"}


def _add_what_the_demo_lacks() -> None:
    anmy = Unit.objects.get(code="tamky-anmy")
    clerk = User.objects.get(username="anmy.clerk")
    admin = User.objects.get(username="tamky.admin")
    DocumentStyle.objects.create(unit=anmy, parent_lines="ỦY BAN MTTQ VIỆT NAM", place="An Mỹ")
    report = Report.objects.create(
        unit=anmy,
        kind="monthly",
        period="2024-08",
        issued_on=date(2024, 8, 28),
        content={"closing": "Trên đây là báo cáo tháng 8."},
        generated_at=timezone.now(),
        generated_by=clerk,
    )
    GeneratedFile.objects.create(
        unit=anmy, report=report, name="Báo cáo tháng 08.docx", format="docx", data=png()
    )
    ImportJob.objects.create(unit=anmy, user=clerk, filename="ke-hoach.pdf", data=b"%PDF-1.4")
    Reminder.objects.create(
        user=clerk, key="report:2024-08", kind="overdue", due_on=date(2024, 9, 15), text="Quá hạn"
    )
    create_token(user=clerk, name="Bảng tính")
    PetitionAccessGrant.objects.create(
        unit=anmy,
        user=admin,
        reason="Theo dõi trả lời kiến nghị",
        valid_until=timezone.localdate() + timedelta(days=30),
        granted_by=clerk,
    )
    HouseholdAccess.objects.create(user=admin, unit=anmy, action="list")


def test_demo_round_trip_and_a_ward_alone(demo, tmp_path):
    _add_what_the_demo_lacks()
    city, ward = tmp_path / "tamky.zip", tmp_path / "anmy.zip"
    export_unit(Unit.objects.get(code="tamky"), city, include_personal_data=True)
    export_unit(Unit.objects.get(code="tamky-anmy"), ward, include_personal_data=True)

    # The whole demo sits under Tam Kỳ: what is left out belongs to the province alone
    # (its relief fund, which received a transfer from the city) or is the province's history.
    lines = archive_lines(city)
    province = Unit.objects.get(code="quangnam")
    owned = {
        (label, str(r["pk"])) for label, rows in lines.items() for r in rows if "role" not in r
    }
    for label, rule in RULES.items():
        model = apps.get_model(label)
        archived = {r["pk"] for r in lines.get(label, [])}
        left_out = model._base_manager.exclude(pk__in=archived)
        if label in WRITTEN_BY_EXPORT:
            left_out = left_out.exclude(action=WRITTEN_BY_EXPORT[label])
        if rule.kind is Kind.AUDIT:
            for entry in left_out:
                assert (entry.target_type, entry.target_id) not in owned, entry
        elif rule.kind is Kind.BY_UNIT:
            for lookup in rule.reach:
                assert set(left_out.values_list(lookup, flat=True)) <= {province.pk}, label
        else:
            assert not left_out.exists(), label
    assert not [r for rows in lines.values() for r in rows if r.get("role") == "stub"]

    # The ward's archive: no row points at a unit outside An Mỹ but the city and province.
    anmy = Unit.objects.get(code="tamky-anmy")
    allowed = set(Unit.objects.subtree(anmy).values_list("pk", flat=True))
    allowed |= set(Unit.objects.filter(code__in=["tamky", "quangnam"]).values_list("pk", flat=True))
    allowed |= {anmy.parent.parent_id}
    for label, rows in archive_lines(ward).items():
        model = apps.get_model(label)
        unit_fields = [
            f.name for f in model._meta.concrete_fields if f.is_relation and f.related_model is Unit
        ]
        for row in rows:
            assert row["pk"] in allowed if model is Unit else True, (label, row["pk"])
            for name in unit_fields:
                value = row["fields"][name]
                assert value is None or value in allowed, (label, row["pk"], name)

    keys = archived_keys(city)
    before = snapshot(keys)
    call_command("flush", interactive=False, verbosity=0, stdout=StringIO())
    out = StringIO()
    call_command("import_archive", str(city), stdout=out)
    assert "Đã nhập bản lưu trữ của Thành phố Tam Kỳ (tamky)" in out.getvalue()
    assert snapshot(keys) == before
