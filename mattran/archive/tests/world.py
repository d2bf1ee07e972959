"""A city with two wards that have a bit of everything, and helpers to read archives."""

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.apps import apps
from django.utils import timezone
from PIL import Image

from mattran.activities.models import Activity, ActivityType
from mattran.api.tokens import create_token
from mattran.archive.rows import Encoder
from mattran.archive.selection import serialize
from mattran.documents.models import DocumentStyle, GeneratedFile, Report
from mattran.emulation.testing import build_movement, evidence_score, sheet_of
from mattran.funds.testing import donate, poor_fund, spend
from mattran.funds.transfers import transfer
from mattran.households import houses
from mattran.households.grants import grant_access
from mattran.households.tests.helpers import house, household
from mattran.imports.models import ImportJob
from mattran.plans.models import Plan, PlanSection, ProgressReport, Task
from mattran.plans.services import assign
from mattran.reminders.models import Reminder
from mattran.reporting.models import Period, ReportingSchedule, Submission, SubmissionEvent
from mattran.testing import World, build_world, put
from mattran.voice.models import Petition, VoterMeeting


@dataclass
class ArchiveWorld:
    world: World
    photo_bytes: bytes

    @property
    def city(self):
        return self.world.city.city

    @property
    def wards(self):
        return self.world.city.wards


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (6, 4), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def build_archive_world() -> ArchiveWorld:
    world = build_world()
    city, w1, w2 = world.city.city, world.city.wards[0], world.city.wards[1]
    users = world.users
    ReportingSchedule.objects.create(unit=city, month_due_day=10)
    homes = {}
    for ward, houses_built, clerk in ((w1, 2, "w1_clerk"), (w2, 3, "w2_clerk")):
        put(world.indicators["houses"], ward, "2024-03", number=houses_built)
        put(world.indicators["visits"], ward, "2024-03", numerator=7, denominator=8)
        _submission(world, ward, clerk)
        Activity.objects.create(
            unit=ward,
            type=ActivityType.objects.get(code="supervision"),
            date=date(2024, 3, 12),
            title=f"Giám sát việc chi trả trợ cấp tại {ward.name}",
            amount=Decimal(1_500_000),
            created_by=users[clerk],
        )
        owner = household(world.city.areas[ward.code][0], f"Chủ hộ {ward.name}")
        homes[ward.pk] = house(owner, handed_over_on=date(2024, 5, 20))
        fund = poor_fund(ward)
        donate(fund, date(2024, 2, 1), 20_000_000)
        spend(fund, date(2024, 2, 15), 5_000_000)
    photo = png()
    houses.add_photo(house=homes[w1.pk], name="ban-giao.png", data=photo, caption="Bàn giao nhà")
    grant_access(
        unit=w1,
        user=users["city_admin"],
        reason="Kiểm tra hồ sơ xóa nhà tạm",
        valid_until=timezone.localdate() + timedelta(days=30),
    )
    city_fund = poor_fund(city)
    donate(city_fund, date(2024, 1, 5), 100_000_000, donor="Ngân hàng Agribank Tam Kỳ")
    transfer(
        fund=city_fund,
        to_unit=w1,
        entry_date=date(2024, 1, 20),
        amount=Decimal(30_000_000),
        purpose="Hỗ trợ xây nhà Đại đoàn kết",
    )
    _plan(world)
    movement = build_movement(world)
    evidence_score(sheet_of(movement, w1))
    meeting = VoterMeeting.objects.create(
        unit=w1, title="Tiếp xúc cử tri trước kỳ họp", level="commune", held_on=date(2024, 6, 5)
    )
    Petition.objects.create(
        meeting=meeting,
        content="Đề nghị sửa đường bê tông khối phố 1",
        field="infrastructure",
        citizen_name="Lê Văn Hùng",
        citizen_contact="0905 123 456",
        forwarded_to="UBND phường",
    )
    _documents(world)
    return ArchiveWorld(world=world, photo_bytes=photo)


def _submission(world: World, ward, clerk: str) -> None:
    submission = Submission.objects.create(
        programme=world.programme,
        unit=ward,
        period=Period.objects.for_code("2024-03"),
        status="approved",
        submitted_at=timezone.now(),
        submitted_by=world.users[clerk],
        decided_by=world.users["city_admin"],
        decided_at=timezone.now(),
    )
    SubmissionEvent.objects.create(submission=submission, action="submit", actor=world.users[clerk])
    SubmissionEvent.objects.create(
        submission=submission, action="approve", actor=world.users["city_admin"]
    )


def _plan(world: World) -> None:
    plan = Plan.objects.create(
        unit=world.city.city, title="Kế hoạch thực hiện Cuộc vận động năm 2024", year=2024
    )
    section = PlanSection.objects.create(plan=plan, number="1", title="Tuyên truyền", order=1)
    task = Task.objects.create(
        plan=plan,
        section=section,
        owner_level="commune",
        text="Mỗi xã, phường xây dựng 02 mô hình",
        due_on=date(2024, 11, 30),
    )
    assignment = assign(task)[0]
    ProgressReport.objects.create(
        assignment=assignment,
        reported_on=date(2024, 6, 30),
        value=Decimal(1),
        note="Đã ra mắt 01 mô hình",
        evidence_name="bien-ban.pdf",
        evidence_data=b"%PDF-1.4 bien ban ra mat",
        created_by=world.users["w1_clerk"],
    )


def _documents(world: World) -> None:
    w1, clerk = world.city.wards[0], world.users["w1_clerk"]
    DocumentStyle.objects.create(
        unit=w1, parent_lines="ỦY BAN MTTQ VIỆT NAM\nPHƯỜNG AN MỸ", place="An Mỹ"
    )
    report = Report.objects.create(
        unit=w1,
        kind="monthly",
        period="2024-08",
        issued_on=date(2024, 8, 28),
        content={"closing": "Trên đây là báo cáo."},
        edits={"closing": {"text": "Trên đây là báo cáo tháng 8.", "based_on": "Trên đây"}},
        generated_at=timezone.now(),
        generated_by=clerk,
    )
    GeneratedFile.objects.create(
        unit=w1, report=report, name="Báo cáo tháng 08.docx", format="docx", data=b"PK\x03\x04 w"
    )
    ImportJob.objects.create(
        unit=w1, user=clerk, filename="ke-hoach.docx", data=b"PK\x03\x04 k", status="ready"
    )
    Reminder.objects.create(
        user=clerk, key="task:1", kind="upcoming", due_on=date(2024, 11, 30), text="Sắp đến hạn"
    )
    create_token(user=clerk, name="Bảng tính tổng hợp")


def archive_lines(path) -> dict[str, list[dict]]:
    """Every data line of an archive, by model."""
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        return {
            entry["model"]: [
                json.loads(line) for line in zf.read(entry["member"]).decode().splitlines()
            ]
            for entry in manifest["models"]
        }


def snapshot(pks_by_model: dict[str, list]) -> dict[str, dict]:
    """The rows of the database with these keys, every field serialized."""
    out = {}
    for label, pks in pks_by_model.items():
        model = apps.get_model(label)
        rows = serialize(model, model._base_manager.filter(pk__in=pks))
        out[label] = {r["pk"]: json.loads(json.dumps(r["fields"], cls=Encoder)) for r in rows}
    return out


def archived_keys(path) -> dict[str, list]:
    return {label: [line["pk"] for line in lines] for label, lines in archive_lines(path).items()}
