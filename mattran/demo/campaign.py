"""The city's 2024 plan for the campaign "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị
văn minh" (facts of seed 002): five contents tied to the national criteria, tasks for each
member organisation with their numbers, tasks for every ward, the report deadlines, and
progress reported on some tasks."""

from datetime import date
from decimal import Decimal

from mattran.accounts.models import Role, User
from mattran.plans.models import Plan, PlanDeadline, PlanKind, PlanSection, Task
from mattran.plans.services import assign, report_progress, set_section_criteria
from mattran.programmes.selectors import programme_for
from mattran.units.models import Tier, Unit

CONTENTS = [
    (
        "1.1",
        "Vận động Nhân dân đoàn kết phát triển kinh tế, giúp nhau giảm nghèo bền vững (tiêu "
        "chí 10, 11, 12, 13 trong xây dựng nông thôn mới; tiêu chí số 6 trong xây dựng đô thị văn "
        "minh)",
    ),
    (
        "1.2",
        "Đoàn kết xây dựng đời sống văn hóa, chăm lo sự nghiệp giáo dục, y tế (tiêu chí số "
        "14, 15, 16 trong xây dựng nông thôn mới; tiêu chí số 7, 8 trong xây dựng đô thị văn minh)",
    ),
    (
        "1.3",
        "Đoàn kết tham gia bảo vệ môi trường, ứng phó với biến đổi khí hậu (tiêu chí số 17 "
        "trong xây dựng nông thôn mới; tiêu chí số 3 trong xây dựng đô thị văn minh)",
    ),
    (
        "1.4",
        "Đoàn kết chấp hành pháp luật, bảo đảm an ninh, trật tự (tiêu chí số 17, 18, 19 "
        "trong xây dựng nông thôn mới; tiêu chí số 3, 4 trong xây dựng đô thị văn minh)",
    ),
    (
        "1.5",
        "Đoàn kết phát huy dân chủ, tham gia giám sát, phản biện xã hội (tiêu chí số 18 "
        "trong xây dựng nông thôn mới; tiêu chí số 9 trong xây dựng đô thị văn minh)",
    ),
]
# content, owner ("" = the city, "commune" = every ward), task, targets, due
TASKS = [
    (
        "1.1",
        "",
        "Vận động Nhân dân hưởng ứng phong trào “Vì người nghèo - không để ai bị bỏ lại "
        "phía sau”; triển khai xóa nhà tạm, nhà dột nát theo Nghị quyết số 13/2023/NQ-HĐND",
        [],
        date(2024, 10, 31),
    ),
    (
        "1.1",
        "hnd",
        "Thành lập mới 01 Chi hội nông dân nghề nghiệp, 26 Tổ hội nông dân nghề nghiệp "
        "và 04 Hợp tác xã, Tổ hợp tác trên lĩnh vực sản xuất nông nghiệp",
        ["26 Tổ hội nông dân nghề nghiệp"],
        date(2024, 11, 30),
    ),
    (
        "1.1",
        "hnd",
        "Vận động 5.675 hộ nông dân đăng ký danh hiệu sản xuất, kinh doanh giỏi các cấp",
        ["5.675 hộ nông dân"],
        date(2024, 10, 31),
    ),
    (
        "1.1",
        "hlhpn",
        "Hỗ trợ phụ nữ khởi nghiệp theo Đề án 939; hướng dẫn các hợp tác xã, tổ hợp "
        "tác tham gia Chương trình OCOP",
        [],
        date(2024, 11, 30),
    ),
    (
        "1.1",
        "hccb",
        "Duy trì phong trào “Cựu chiến binh giúp nhau giảm nghèo, làm kinh tế giỏi”, "
        "nhân rộng các mô hình kinh tế hiệu quả",
        [],
        date(2024, 11, 30),
    ),
    (
        "1.2",
        "hkh",
        "Vận động xây dựng “Gia đình học tập”, “Dòng họ học tập”, “Cộng đồng học tập”",
        [],
        date(2024, 11, 30),
    ),
    (
        "1.3",
        "thanhdoan",
        "Thành lập Đội thanh niên tình nguyện ứng dụng công nghệ sinh học trong "
        "bảo vệ môi trường; tổ chức 03 đợt ra quân “Ngày Chủ nhật xanh”",
        ["03 đợt"],
        date(2024, 9, 30),
    ),
    (
        "1.3",
        "commune",
        "Mỗi xã, phường xây dựng ít nhất 01 tuyến đường hoa, cây xanh chiều dài ít nhất 300m",
        ["01 tuyến đường hoa"],
        date(2024, 10, 31),
    ),
    (
        "1.4",
        "ldld",
        "Tuyên truyền công nhân, người lao động chấp hành pháp luật, xây dựng mô hình "
        "“Khu nhà trọ không có tội phạm, tệ nạn xã hội”",
        [],
        date(2024, 11, 30),
    ),
    (
        "1.5",
        "commune",
        "Tổ chức Hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính "
        "quyền với Nhân dân ít nhất 01 lần",
        ["01 lần"],
        date(2024, 9, 30),
    ),
]
# (member or ward suffix, task index, value, note, done)
PROGRESS = [
    ("hnd", 1, Decimal(18), "Đã thành lập 18 Tổ hội nông dân nghề nghiệp, 01 Chi hội", False),
    ("hnd", 2, Decimal(5230), "5.230 hộ đã đăng ký", False),
    ("thanhdoan", 6, Decimal(3), "Đã tổ chức 03 đợt ra quân", True),
    ("anmy", 7, Decimal(1), "Tuyến đường hoa khối phố 3, dài 320m", True),
    ("anphu", 7, None, "Đang trồng hoa tuyến đường ven biển", False),
    ("tamthang", 9, Decimal(1), "Đối thoại với thanh niên về khởi nghiệp", True),
    (
        "hoahuong",
        9,
        Decimal(1),
        "Đối thoại giữa Bí thư Đảng ủy, Chủ tịch UBND phường với Nhân dân",
        True,
    ),
]


def create_campaign_plan(city: Unit) -> Plan:
    plan = Plan.objects.create(
        unit=city,
        kind=PlanKind.CAMPAIGN,
        title="Kế hoạch triển khai thực hiện Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn "
        "mới, đô thị văn minh” năm 2024",
        number="68/KH-MTTQ-BTT",
        issued_on=date(2024, 3, 20),
        year=2024,
        programme=programme_for(city, 2024),
        references=[
            {"number": "25/TTr-MTTW-BTT", "date": "2022-05-24", "kind": "Thông tri"},
            {"number": "274/KH-MTTQ-BTT", "date": "2024-03-08", "kind": "Kế hoạch"},
        ],
    )
    sections = {}
    for order, (number, title) in enumerate(CONTENTS):
        sections[number] = PlanSection.objects.create(
            plan=plan, number=number, title=title, order=order
        )
        set_section_criteria(sections[number], title, plan.year)
    tasks = []
    for order, (section, owner, text, targets, due) in enumerate(TASKS):
        owner_unit = None if owner in ("", "commune") else Unit.objects.get(code=f"tamky-{owner}")
        task = Task.objects.create(
            plan=plan,
            section=sections[section],
            order=order,
            text=text,
            targets=targets,
            due_on=due,
            owner=city if owner == "" else owner_unit,
            owner_level=Tier.COMMUNE if owner == "commune" else "",
            owner_text="Ủy ban MTTQ Việt Nam các xã, phường"
            if owner == "commune"
            else (owner_unit or city).name,
        )
        assign(task)
        tasks.append(task)
    PlanDeadline.objects.create(
        plan=plan, due_on=date(2024, 5, 15), text="Báo cáo 06 tháng kết quả thực hiện Cuộc vận động"
    )
    PlanDeadline.objects.create(
        plan=plan, due_on=date(2024, 11, 10), text="Báo cáo năm kết quả thực hiện Cuộc vận động"
    )
    for suffix, index, value, note, done in PROGRESS:
        unit = Unit.objects.get(code=f"tamky-{suffix}")
        reporter = User.objects.filter(unit=unit, role__in=[Role.DATA_CLERK, Role.UNIT_ADMIN])
        actor = reporter.first() or User.objects.get(username="tamky.admin")
        assignment = tasks[index].assignments.get(unit=unit)
        report_progress(
            assignment=assignment,
            actor=actor,
            value=value,
            note=note,
            done=done,
            reported_on=date(2024, 9, 5),
        )
    return plan
