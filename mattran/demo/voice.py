"""The people's voice in Tam Kỳ, 2024, modelled on the city's August 2024 report (seed 003):
the city's supervision of social-policy credit in Tam Thăng and its follow-up, voter meetings
after the 24th session of the provincial People's Council and the 13th session of the city's
(13/13 wards and communes), direct dialogues in 9 wards, people's forums in 7, one critique
conference, the city's earlier supervisions, forum and dialogue, and a civilised-urban
satisfaction survey in An Mỹ. Petitions are partly answered, partly overdue.

Everything goes through the app's services, so every record is also the activity that the
monthly report and the area-III indicators count. Where the demo already has a placeholder
activity of the same unit, type and month (`people.create_activities`, `work.create_work`),
the record adopts it instead of adding a second one. Wards had sent their August reports
before this runs; the records were entered before that in reality, so those reports are
reopened while the records are written and put back as they were.
"""

import random
from contextlib import contextmanager
from datetime import date, timedelta

from mattran.activities.models import Activity
from mattran.activities.services import refresh_fed_values
from mattran.reporting.models import Submission, SubmissionStatus
from mattran.units.models import Tier, Unit
from mattran.voice.activity_link import TYPES, adoptable
from mattran.voice.kinds import KINDS
from mattran.voice.models import Petition, PetitionAccessGrant, Survey
from mattran.voice.records import save_item, save_record
from mattran.voice.surveys import add_question, save_response, save_survey

SEED = 3
TODAY_IN_DEMO = date(2024, 10, 31)  # answers and follow-up are dated up to here
SITE = "https://mattrantamky.vn/vi/news"
SUPERVISE, CRITIQUE, DIALOGUES, MEETINGS = (KINDS[k] for k in KINDS)
RECOMMEND, COMMENT = SUPERVISE.items[0], CRITIQUE.items[0]
ISSUE, COMMIT = DIALOGUES.items
PETITION = MEETINGS.items[0]

CITY_SUPERVISIONS = [
    # day, title, subject, recommendations: (text, to, status, response, answered on)
    (
        date(2024, 8, 22),
        "Giám sát kết quả thực hiện các hoạt động tín dụng chính sách xã hội trên địa bàn "
        "xã Tam Thăng",
        "UBND xã Tam Thăng; Phòng giao dịch Ngân hàng Chính sách xã hội thành phố",
        [
            (
                "Rà soát, bình xét đúng đối tượng vay vốn; công khai danh sách hộ vay tại khu "
                "dân cư",
                "UBND xã Tam Thăng",
                "accepted",
                "UBND xã đã chỉ đạo các thôn rà soát, niêm yết danh sách hộ vay.",
                date(2024, 9, 20),
            ),
            (
                "Đôn đốc các tổ tiết kiệm và vay vốn thu hồi nợ quá hạn, hạn chế nợ xấu",
                "UBND xã Tam Thăng",
                "done",
                "Đã thu hồi 85% nợ quá hạn; họp giao ban tổ vay vốn hằng tháng.",
                date(2024, 10, 15),
            ),
            (
                "Bổ sung nguồn vốn cho vay giải quyết việc làm, nước sạch và vệ sinh môi trường "
                "nông thôn",
                "Phòng giao dịch Ngân hàng Chính sách xã hội thành phố",
                "pending",
                "",
                None,
            ),
        ],
    ),
    (
        date(2024, 3, 6),
        "Giám sát việc thực hiện chính sách hỗ trợ hộ nghèo, hộ cận nghèo",
        "UBND phường An Sơn",
        [
            (
                "Cập nhật kịp thời biến động hộ nghèo, cận nghèo vào cơ sở dữ liệu",
                "UBND phường An Sơn",
                "done",
                "Đã cập nhật xong trong tháng 4/2024.",
                date(2024, 4, 25),
            ),
        ],
    ),
    (
        date(2024, 7, 22),
        "Giám sát công tác bồi thường, giải phóng mặt bằng dự án xã hội hóa đường làng",
        "Trung tâm Phát triển quỹ đất thành phố; UBND phường Hòa Thuận",
        [
            (
                "Công khai phương án bồi thường tại nhà văn hóa khối phố",
                "UBND phường Hòa Thuận",
                "done",
                "Đã niêm yết công khai từ ngày 05/8/2024.",
                date(2024, 8, 5),
            ),
            (
                "Xem xét lại đơn giá hỗ trợ cây cối, hoa màu",
                "Trung tâm Phát triển quỹ đất thành phố",
                "rejected",
                "Đơn giá áp dụng theo quyết định của UBND tỉnh, không có cơ sở điều chỉnh.",
                date(2024, 9, 3),
            ),
        ],
    ),
]
TEAM = (
    "Phó Chủ tịch Ủy ban MTTQ Việt Nam thành phố — Trưởng đoàn\nĐại diện Hội Nông dân thành "
    "phố\nĐại diện Hội Liên hiệp Phụ nữ thành phố\nĐại diện Hội Cựu chiến binh thành phố\n"
    "Đại diện Thành đoàn Tam Kỳ"
)

# Footnote 10 of the report: ward, who met whom and about what.
DIALOGUES_AUGUST = [
    (
        "tamthang",
        "Đối thoại trực tiếp giữa cấp ủy, chính quyền với trẻ em",
        "Bí thư Đảng ủy, Chủ tịch UBND xã",
        "Trẻ em trên địa bàn xã",
    ),
    (
        "hoahuong",
        "Hội nghị đối thoại trực tiếp giữa Bí thư Đảng ủy, Chủ tịch UBND phường với Nhân dân",
        "Bí thư Đảng ủy, Chủ tịch UBND phường",
        "Nhân dân",
    ),
    (
        "tanthanh",
        "Đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân về công tác "
        "cải cách hành chính và chuyển đổi số, công tác đảm bảo ANTT trên địa bàn phường",
        "Bí thư Đảng ủy, Chủ tịch UBND phường",
        "Nhân dân",
    ),
    (
        "anxuan",
        "Hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân "
        "dân về xây dựng tuyến phố văn minh đô thị gắn với trật tự đô thị và ANTT",
        "Bí thư Đảng ủy, Chủ tịch UBND phường",
        "Nhân dân",
    ),
    (
        "anphu",
        "Đối thoại giữa lãnh đạo UBND phường với hộ gia đình thuộc diện hộ cận nghèo để "
        "tìm phương án thoát cận nghèo bền vững",
        "Lãnh đạo UBND phường",
        "Các hộ cận nghèo",
    ),
    (
        "anson",
        "Đối thoại trực tiếp giữa Bí thư Đảng ủy với các chi, tổ hội đoàn thể và tổ "
        "trưởng tổ đoàn kết về xây dựng và phát triển địa phương",
        "Bí thư Đảng ủy phường",
        "Các chi, tổ hội đoàn thể chính trị - xã hội, tổ trưởng tổ đoàn kết",
    ),
    (
        "truongxuan",
        "Đối thoại về các cơ chế, chính sách phát triển kinh tế nông nghiệp đô thị, "
        "trang trại, gia trại ứng dụng công nghệ cao",
        "Bí thư Đảng ủy, Chủ tịch UBND phường",
        "Nông dân, chủ trang trại, gia trại",
    ),
    (
        "phuochoa",
        "Hội nghị đối thoại giữa Nhân dân với đồng chí Bí thư Đảng ủy - Chủ tịch HĐND "
        "- Chủ tịch UBND phường",
        "Bí thư Đảng ủy - Chủ tịch HĐND - Chủ tịch UBND phường",
        "Nhân dân",
    ),
    (
        "hoathuan",
        "Đối thoại về công tác bồi thường, giải phóng mặt bằng dự án xã hội hóa đường làng",
        "Bí thư Đảng ủy, Chủ tịch UBND phường",
        "Các hộ dân có đất bị thu hồi",
    ),
]
FORUMS_AUGUST = [
    "tanthanh",
    "hoathuan",
    "anmy",
    "anmy",
    "hoahuong",
    "tamthanh",
    "tamthanh",
    "tamphu",
    "tamthang",
]
FORUM_TOPICS = [
    "Diễn đàn lắng nghe ý kiến Nhân dân về vệ sinh môi trường khu dân cư",
    "Diễn đàn lắng nghe ý kiến Nhân dân về trật tự đô thị, lòng đường, vỉa hè",
    "Diễn đàn lắng nghe ý kiến Nhân dân về xây dựng khu dân cư kiểu mẫu",
]
ISSUES = [
    (
        "Đèn chiếu sáng ở một số tuyến đường kiệt hư hỏng, chưa được sửa chữa",
        "Cải tạo, thay thế đèn chiếu sáng các tuyến kiệt",
        "UBND phường",
    ),
    (
        "Rác thải tập kết không đúng giờ, gây mất vệ sinh",
        "Bố trí lại lịch thu gom rác",
        "Công ty Môi trường đô thị",
    ),
    (
        "Thủ tục chứng thực, cấp giấy tờ còn chậm",
        "Bố trí thêm cán bộ bộ phận một cửa",
        "UBND phường",
    ),
    (
        "Mương thoát nước bị bồi lấp gây ngập khi mưa lớn",
        "Nạo vét mương trước mùa mưa bão",
        "UBND xã",
    ),
]

PETITIONS = [
    # content, field, forwarded to
    (
        "Đề nghị nâng cấp tuyến đường liên khối phố bị xuống cấp, lầy lội khi mưa",
        "infrastructure",
        "UBND thành phố Tam Kỳ",
    ),
    (
        "Đề nghị sớm cấp giấy chứng nhận quyền sử dụng đất cho các hộ đã hoàn thành nghĩa vụ tài "
        "chính",
        "land",
        "Văn phòng Đăng ký đất đai - Chi nhánh Tam Kỳ",
    ),
    (
        "Đề nghị xử lý tình trạng xả nước thải chưa qua xử lý ra kênh thoát nước chung",
        "environment",
        "Phòng Tài nguyên và Môi trường thành phố",
    ),
    (
        "Đề nghị xem xét hỗ trợ bảo hiểm y tế cho người cao tuổi thuộc hộ cận nghèo",
        "welfare",
        "UBND thành phố Tam Kỳ",
    ),
    (
        "Đề nghị lắp đặt thêm đèn tín hiệu giao thông tại nút giao gần trường học",
        "infrastructure",
        "Phòng Quản lý đô thị thành phố",
    ),
    (
        "Đề nghị giải quyết dứt điểm tranh chấp ranh giới đất giữa các hộ liền kề",
        "land",
        "UBND phường",
    ),
    ("Đề nghị tăng cường kiểm tra, xử lý tụ tập đua xe vào ban đêm", "order", "Công an thành phố"),
    (
        "Đề nghị rút ngắn thời gian giải quyết hồ sơ trợ cấp xã hội",
        "administration",
        "Phòng Lao động - Thương binh và Xã hội thành phố",
    ),
]
CITIZENS = [
    "Ông Nguyễn Văn Lộc",
    "Bà Trần Thị Mai",
    "Ông Lê Văn Sáu",
    "Bà Phạm Thị Hoa",
    "Ông Huỳnh Văn Tư",
]


@contextmanager
def _entered_before_sending(month: str):
    """The wards' reports of `month` were sent after these records were entered: reopen them
    while the records are written (their figures are recounted), then put them back."""
    sent = list(
        Submission.objects.filter(period__code=month)
        .exclude(status__in=[SubmissionStatus.DRAFT, SubmissionStatus.RETURNED])
        .values_list("pk", "status")
    )
    Submission.objects.filter(pk__in=[pk for pk, _ in sent]).update(status=SubmissionStatus.DRAFT)
    try:
        yield
    finally:
        for pk, status in sent:
            Submission.objects.filter(pk=pk).update(status=status)


def _record(kind, unit: Unit, fields: dict, code: str):
    """Save a record, adopting the demo's placeholder activity of that month if there is one."""
    day = fields.get("started_on") or fields["held_on"]
    placeholder = adoptable(unit, [code]).filter(date__year=day.year, date__month=day.month).first()
    return save_record(kind=kind, unit=unit, fields=fields, adopt=placeholder)


def create_voice(city: Unit, programme) -> None:
    """Add the demo's people's voice: deterministic (seeded), idempotent per fresh demo."""
    if Petition.objects.filter(meeting__unit=city).exists():
        return  # already there
    rng = random.Random(SEED)
    wards = {
        w.code.removeprefix(f"{city.code}-"): w
        for w in Unit.objects.filter(parent=city, tier=Tier.COMMUNE).valid_on(date(2024, 8, 31))
    }
    with _entered_before_sending("2024-08"):
        _supervisions(city, wards)
        _critique(city)
        _dialogues(city, wards, rng)
        _meetings(city, wards, rng)
    _survey(wards.get("anmy"), rng)
    # The placeholder activities were bulk-created without recounting: make the city's 2024
    # figures of the types recorded here say what its activities say.
    months = {
        (a.type, a.date.replace(day=1))
        for a in Activity.objects.filter(
            unit=city, date__year=2024, type__code__in=list(TYPES), type__feeds__isnull=False
        ).select_related("type")
    }
    for kind, month in sorted(months, key=lambda m: (m[0].code, m[1])):
        refresh_fed_values(city, kind, month)


def _supervisions(city: Unit, wards: dict[str, Unit]) -> None:
    for day, title, subject, recommendations in CITY_SUPERVISIONS:
        supervision = _record(
            SUPERVISE,
            city,
            {
                "kind": "thematic",
                "title": title,
                "subject": subject,
                "started_on": day,
                "ended_on": day + timedelta(days=1),
                "members": TEAM,
                "conclusions": "Đơn vị được giám sát cơ bản thực hiện đúng quy định; còn một "
                "số tồn tại, hạn chế cần khắc phục theo các kiến nghị của Đoàn giám sát.",
                "link": f"{SITE}/thong-tin-tuyen-truyen/giam-sat-tin-dung-chinh-sach-xa-tam-"
                "thang-634.html"
                if day.month == 8
                else "",
            },
            "supervision",
        )
        for text, to, status, response, answered in recommendations:
            save_item(
                spec=RECOMMEND,
                parent=supervision,
                fields={
                    "text": text,
                    "addressed_to": to,
                    "status": status,
                    "response": response,
                    "responded_on": answered,
                },
            )
    if "tamthang" in wards:
        save_record(
            kind=SUPERVISE,
            unit=wards["tamthang"],
            fields={
                "kind": "regular",
                "title": "Giám sát việc thực hiện quy chế dân chủ ở cơ sở tại các thôn",
                "subject": "Ban nhân dân các thôn",
                "started_on": date(2024, 6, 12),
            },
        )


def _critique(city: Unit) -> None:
    conference = _record(
        CRITIQUE,
        city,
        {
            "document_title": "Dự thảo Kế hoạch xây dựng tuyến phố văn minh đô thị trên địa "
            "bàn thành phố giai đoạn 2024 - 2025",
            "document_number": "",
            "drafting_body": "Phòng Quản lý đô thị thành phố",
            "held_on": date(2024, 5, 17),
            "participants": "Thường trực Ủy ban MTTQ Việt Nam thành phố; Hội đồng tư vấn; đại "
            "diện các tổ chức chính trị - xã hội; Ban Công tác Mặt trận một số khối phố",
            "response": "Cơ quan soạn thảo tiếp thu 3/4 ý kiến; giải trình về lộ trình lát "
            "vỉa hè do phụ thuộc nguồn vốn.",
            "responded_on": date(2024, 6, 10),
        },
        "critique",
    )
    for text, who, uptake in [
        ("Bổ sung tiêu chí về cây xanh, chiếu sáng cho tuyến phố", "Hội đồng tư vấn", "accepted"),
        (
            "Quy định rõ trách nhiệm của hộ kinh doanh về lòng đường, vỉa hè",
            "Hội Liên hiệp Phụ nữ thành phố",
            "accepted",
        ),
        (
            "Lồng ghép vận động Nhân dân hiến đất mở rộng kiệt hẻm",
            "Ban Công tác Mặt trận khối phố 3, phường An Mỹ",
            "accepted",
        ),
        (
            "Đẩy nhanh lộ trình lát vỉa hè ngay trong năm 2024",
            "Hội Cựu chiến binh thành phố",
            "rejected",
        ),
    ]:
        save_item(
            spec=COMMENT,
            parent=conference,
            fields={"text": text, "commenter": who, "uptake": uptake},
        )


def _local(who: str, unit: Unit) -> str:
    """ "UBND phường" said of the unit itself: "UBND phường An Mỹ"."""
    if who in ("UBND phường", "UBND xã"):
        return f"UBND {unit.name[:1].lower()}{unit.name[1:]}"
    return who


def _follow_up(dialogue, rng: random.Random, count: int) -> None:
    for text, promise, who in rng.sample(ISSUES, count):
        who = _local(who, dialogue.unit)
        save_item(
            spec=ISSUE,
            parent=dialogue,
            fields={
                "text": text,
                "raised_by": "Cử tri các khu dân cư",
                "answer": "Lãnh đạo địa phương tiếp thu, giao bộ phận chuyên môn xử lý.",
            },
        )
        due = dialogue.held_on + timedelta(days=rng.choice([30, 45, 60]))
        done = rng.random() < 0.5
        save_item(
            spec=COMMIT,
            parent=dialogue,
            fields={
                "text": promise,
                "responsible": who,
                "due_on": due,
                "status": "done" if done else "in_progress",
                "follow_up": "Đã hoàn thành." if done else "",
                "checked_on": due - timedelta(days=3) if done else None,
            },
        )


def _dialogues(city: Unit, wards: dict[str, Unit], rng: random.Random) -> None:
    city_events = [
        (
            "dialogue",
            date(2024, 6, 26),
            "Hội nghị đối thoại trực tiếp giữa người đứng đầu cấp "
            "ủy, chính quyền thành phố với Nhân dân về cải cách hành chính",
            "Bí thư Thành ủy, Chủ tịch UBND thành phố",
            "Nhân dân và doanh nghiệp",
        ),
        (
            "forum",
            date(2024, 4, 18),
            "Diễn đàn “Nhân dân góp ý xây dựng đội ngũ cán bộ, công chức bộ phận một cửa”",
            "Lãnh đạo UBND thành phố",
            "Nhân dân các phường, xã",
        ),
        (
            "forum",
            date(2024, 8, 19),
            "Diễn đàn “Nhân dân góp ý xây dựng chính quyền đô thị”",
            "Lãnh đạo UBND thành phố",
            "Nhân dân các phường",
        ),
    ]
    for kind, day, title, hosts, whom in city_events:
        dialogue = _record(
            DIALOGUES,
            city,
            {
                "kind": kind,
                "title": title,
                "held_on": day,
                "hosts": hosts,
                "participants": whom,
                "attendees": rng.randint(120, 250),
            },
            kind,
        )
        _follow_up(dialogue, rng, 2)
    for n, (suffix, title, hosts, whom) in enumerate(DIALOGUES_AUGUST):
        if suffix not in wards:
            continue
        dialogue = _record(
            DIALOGUES,
            wards[suffix],
            {
                "kind": "dialogue",
                "title": title,
                "held_on": date(2024, 8, 6 + 2 * n),
                "hosts": hosts,
                "participants": whom,
                "attendees": rng.randint(60, 180),
            },
            "dialogue",
        )
        _follow_up(dialogue, rng, rng.randint(1, 2))
    for n, suffix in enumerate(FORUMS_AUGUST):
        if suffix not in wards:
            continue
        forum = _record(
            DIALOGUES,
            wards[suffix],
            {
                "kind": "forum",
                "title": FORUM_TOPICS[n % len(FORUM_TOPICS)],
                "held_on": date(2024, 8, 5 + 2 * n),
                "hosts": "Lãnh đạo Đảng ủy, UBND",
                "participants": "Nhân dân các khu dân cư",
                "attendees": rng.randint(50, 120),
            },
            "forum",
        )
        _follow_up(forum, rng, 1)


def _meetings(city: Unit, wards: dict[str, Unit], rng: random.Random) -> None:
    province = save_record(
        kind=MEETINGS,
        unit=city,
        fields={
            "title": "Hội nghị tiếp xúc cử tri sau kỳ họp thứ 24, HĐND tỉnh khóa X, nhiệm kỳ "
            "2021 - 2026",
            "level": "province",
            "session": "Kỳ họp thứ 24, HĐND tỉnh khóa X",
            "held_on": date(2024, 8, 2),
            "place": "Hội trường Thành ủy Tam Kỳ",
            "delegates": "Tổ đại biểu HĐND tỉnh ứng cử tại thành phố Tam Kỳ",
            "attendees": 210,
            "link": f"{SITE}/tin-hoat-dong/tam-ky-to-dai-bieu-hdnd-tinh-tiep-xuc-cu-tri-thanh-pho-"
            "tam-ky-sau-ky-hop-thu-24-635.html",
        },
    )
    _petitions(province, rng, 4, "UBND tỉnh Quảng Nam")
    for n, (suffix, ward) in enumerate(sorted(wards.items())):
        meeting = save_record(
            kind=MEETINGS,
            unit=ward,
            fields={
                "title": "Hội nghị tiếp xúc cử tri sau kỳ họp thứ 13, HĐND thành phố khóa XII, "
                "nhiệm kỳ 2021 - 2026",
                "level": "district",
                "session": "Kỳ họp thứ 13, HĐND thành phố khóa XII",
                "held_on": date(2024, 8, 8 + n),
                "place": f"Hội trường {_local('UBND xã', ward)}",
                "delegates": "Đại biểu HĐND thành phố ứng cử tại địa phương",
                "attendees": rng.randint(70, 160),
                "link": f"{SITE}/ke-hoach/an-my-to-chuc-hoi-nghi-tiep-xuc-cu-tri-sau-ky-hop-thu-13-"
                "hdnd-thanh-pho-nhiem-ky-2021-2026-651.html"
                if suffix == "anmy"
                else "",
            },
        )
        _petitions(meeting, rng, rng.randint(1, 3), None)


def _petitions(meeting, rng: random.Random, count: int, authority: str | None) -> None:
    for content, field, to in rng.sample(PETITIONS, count):
        forwarded = meeting.held_on + timedelta(days=rng.randint(3, 8))
        outcome = rng.random()
        fields = {
            "content": content,
            "field": field,
            "forwarded_to": authority or _local(to, meeting.unit),
            "forwarded_on": forwarded,
            "deadline": forwarded + timedelta(days=30) if outcome > 0.1 else None,
            "citizen_name": rng.choice(CITIZENS) if rng.random() < 0.6 else "",
            "citizen_contact": f"Tổ {rng.randint(1, 12)}, {meeting.unit.name}"
            if rng.random() < 0.4
            else "",
        }
        if outcome > 0.5:  # answered, sometimes late
            fields["responded_on"] = min(
                forwarded + timedelta(days=rng.randint(15, 45)), TODAY_IN_DEMO
            )
            fields["response"] = "Cơ quan chức năng đã xem xét, đưa vào kế hoạch giải quyết."
            fields["satisfied"] = rng.choice(["yes", "yes", "no", "unknown"])
        save_item(spec=PETITION, parent=meeting, fields=fields)


QUESTIONS = [
    ("Đường phố, khu dân cư sạch, đẹp, có cây xanh", "three"),
    ("Trật tự lòng đường, vỉa hè được đảm bảo", "three"),
    ("Hệ thống chiếu sáng, thoát nước đáp ứng nhu cầu", "five"),
    ("An ninh trật tự ở khu dân cư", "three"),
    ("Thái độ phục vụ của cán bộ bộ phận một cửa phường", "five"),
    ("Nhìn chung, ông/bà hài lòng với kết quả xây dựng đô thị văn minh", "three"),
]


def _survey(ward: Unit | None, rng: random.Random) -> None:
    if ward is None or Survey.objects.filter(unit=ward).exists():
        return
    survey = save_survey(
        unit=ward,
        fields={
            "title": "Lấy ý kiến sự hài lòng của người dân về kết quả xây dựng đô thị văn minh "
            "năm 2024",
            "kind": "urban",
            "starts_on": date(2024, 8, 1),
            "ends_on": date(2024, 8, 25),
            "note": "Mỗi khu dân cư lấy ý kiến ngẫu nhiên 10 - 14 hộ.",
        },
    )
    questions = [add_question(survey=survey, text=t, scale=s) for t, s in QUESTIONS]
    areas = list(Unit.objects.filter(parent=ward, tier=Tier.AREA).order_by("code"))[:5]
    for area in areas:
        mood = rng.uniform(0.6, 0.95)
        for _ in range(rng.randint(10, 14)):
            answers = {}
            for question in questions:
                if rng.random() < 0.05:
                    answers[question.pk] = None  # left blank
                elif question.scale == "five":
                    answers[question.pk] = (
                        rng.choice([4, 5]) if rng.random() < mood else rng.choice([1, 2, 3])
                    )
                else:
                    roll = rng.random()
                    answers[question.pk] = 1 if roll < mood else (3 if roll < mood + 0.05 else 2)
            if any(v is not None for v in answers.values()):
                save_response(survey=survey, area=area, answers=answers)


def clear_voice() -> None:
    """For the demo's --reset: everything this app holds (it refers to units)."""
    from mattran.voice.models import CritiqueConference, Dialogue, Supervision, VoterMeeting

    PetitionAccessGrant.objects.all().delete()
    for survey in Survey.objects.all():
        survey.responses.all().delete()
        survey.delete()
    for model in (Supervision, CritiqueConference, Dialogue, VoterMeeting):
        model.objects.all().delete()
