"""The voice pages' "Tải Excel": a kind's records of the year with their follow-up counts,
the month table, the surveys, and a record's rows (citizens masked and logged as on the
record's page)."""

from datetime import date, datetime

from django.urls import reverse

from mattran.audit.models import AuditEntry
from mattran.core.tests.workbooks import read_table, sheet_names
from mattran.voice.privacy import VIEWED
from mattran.voice.records import save_item
from mattran.voice.surveys import add_question, save_response, save_survey
from mattran.voice.tests.conftest import (
    COMMIT,
    ISSUE,
    RECOMMEND,
    dialogue,
    meeting,
    petition,
    supervision,
)


def test_the_records_of_a_kind_with_their_follow_up(client, world):
    supervision(world.w1, title="=Giám sát tín dụng chính sách")
    supervision(world.w2, day=date(2024, 9, 3))
    supervision(world.w1, day=date(2023, 5, 3))
    client.force_login(world.users["city_admin"])
    url = reverse("voice:records_xlsx", args=["tk", "supervisions"]) + "?year=2024"
    table = read_table(client.get(url).content)
    assert table.notes[0] == "GIÁM SÁT NĂM 2024 — THÀNH PHỐ TAM KỲ"
    assert table.header[4:] == [
        "Kiến nghị sau giám sát",
        "Được tiếp thu, thực hiện",
        "Chưa phản hồi",
        "Tính trong báo cáo tháng",
    ]
    assert [(r[1], r[2], r[-1]) for r in table.rows] == [
        (
            "Phường An Phú",
            "Giám sát kết quả thực hiện các hoạt động tín dụng chính sách xã hội",
            "Có",
        ),
        ("Phường An Mỹ", "'=Giám sát tín dụng chính sách", "Có"),
    ]
    assert table.rows[1][3] == "Giám sát chuyên đề · UBND phường"
    page = client.get(reverse("voice:records", args=["tk", "supervisions"]) + "?year=2024")
    assert 'href="/units/tk/voice/supervisions/xlsx/?year=2024"' in page.content.decode()


def test_meetings_count_petitions_answered_and_overdue(client, world):
    held = meeting(world.w1)
    petition(held)
    petition(held, responded_on=date(2024, 9, 1), response="Đã đưa vào kế hoạch")
    dialogue(world.w1)
    client.force_login(world.users["w1_clerk"])
    url = reverse("voice:records_xlsx", args=["tk-w1", "meetings"]) + "?year=2024"
    table = read_table(client.get(url).content)
    assert table.rows[0][4:7] == [2, 1, 1]
    months = read_table(
        client.get(reverse("voice:index_xlsx", args=["tk-w1"]) + "?year=2024").content
    )
    assert months.header[0] == "Tháng" and len(months.rows) == 13
    august = dict(zip(months.header, months.rows[7], strict=True))
    assert august["Tiếp xúc cử tri"] == 1 and august["Đối thoại trực tiếp"] == 1
    assert august["Kiến nghị nhận"] == 2
    assert months.rows[-1][0] == "Cả năm 2024"
    assert client.get(reverse("voice:index_xlsx", args=["tk-w2"])).status_code == 404


def test_the_surveys_with_their_questions_and_sheets(client, world):
    fields = {"kind": "urban", "starts_on": date(2024, 8, 1), "ends_on": date(2024, 8, 31)}
    one = save_survey(unit=world.w1, fields={"title": "=Đô thị văn minh 2024", **fields})
    question = add_question(survey=one, text="Đường phố sạch đẹp?", scale="three")
    add_question(survey=one, text="Chiếu sáng đủ?", scale="three")
    for area in world.city.areas[world.w1.code]:
        save_response(survey=one, area=area, answers={question.pk: 1})
    save_survey(unit=world.w2, fields={"title": "Lấy ý kiến phường An Phú", **fields})
    client.force_login(world.users["w1_clerk"])
    url = reverse("voice:surveys_xlsx", args=["tk-w1"])
    table = read_table(client.get(url).content)
    assert table.notes[:2] == [
        "LẤY Ý KIẾN SỰ HÀI LÒNG CỦA NGƯỜI DÂN — PHƯỜNG AN MỸ",
        "Phường An Mỹ và các đơn vị trực thuộc",
    ]
    assert table.rows == [
        [
            "'=Đô thị văn minh 2024",
            "Xây dựng đô thị văn minh",
            "Phường An Mỹ",
            datetime(2024, 8, 1),
            datetime(2024, 8, 31),
            2,
            2,
        ]
    ]
    page = client.get(reverse("voice:surveys", args=["tk-w1"])).content.decode()
    assert f'id="surveys-xlsx" href="{url}">Tải Excel' in page
    assert client.get(reverse("voice:surveys_xlsx", args=["tk-w2"])).status_code == 404
    client.force_login(world.users["city_admin"])
    city = read_table(client.get(reverse("voice:surveys_xlsx", args=["tk"])).content)
    assert sorted(city.column("Đơn vị")) == ["Phường An Mỹ", "Phường An Phú"]


def test_a_dialogues_issues_and_commitments(client, world):
    held = dialogue(world.w1)
    save_item(spec=ISSUE, parent=held, fields={"text": "Đèn đường hỏng", "raised_by": "Ông Hà"})
    save_item(
        spec=COMMIT,
        parent=held,
        fields={
            "text": "-Sửa đèn đường khối phố 3",
            "responsible": "UBND phường",
            "due_on": date(2024, 9, 1),
        },
    )
    client.force_login(world.users["w1_clerk"])
    url = reverse("voice:record_xlsx", args=["tk-w1", "dialogues", held.pk])
    content = client.get(url).content
    assert sheet_names(content) == ["Ý kiến của Nhân dân", "Cam kết"]
    issues = read_table(content)
    assert issues.notes[:2] == ["Ý KIẾN, VẤN ĐỀ NHÂN DÂN NÊU", held.title]
    assert issues.rows == [[1, "Đèn đường hỏng", "Ông Hà", None]]
    commitments = read_table(content, "Cam kết")
    assert commitments.rows == [
        [
            1,
            "'-Sửa đèn đường khối phố 3",
            "UBND phường",
            datetime(2024, 9, 1),
            "Quá hạn",
            None,
            None,
        ]
    ]
    page = client.get(reverse("voice:record", args=["tk-w1", "dialogues", held.pk]))
    assert f'id="commitments-xlsx" href="{url}">Tải Excel' in page.content.decode()
    assert "Quá hạn" in page.content.decode()
    other = reverse("voice:record_xlsx", args=["tk-w2", "dialogues", held.pk])
    assert client.get(other).status_code == 404
    client.force_login(world.users["w2_clerk"])
    assert client.get(url).status_code == 404


def test_a_meetings_petitions_masked_above_and_logged_for_the_ward(client, world):
    held = meeting(world.w1)
    asked = petition(held, citizen_name="Nguyễn Thị Lan", citizen_contact="0905 123 456")
    supervised = supervision(world.w1)
    save_item(
        spec=RECOMMEND,
        parent=supervised,
        fields={"text": "Rà soát hộ nghèo", "addressed_to": "UBND phường"},
    )
    url = reverse("voice:record_xlsx", args=["tk", "meetings", held.pk])
    client.force_login(world.users["city_admin"])
    above = read_table(client.get(url).content)
    assert above.notes[0] == "KIẾN NGHỊ CỦA CỬ TRI"
    assert above.rows == [
        [
            1,
            "Đề nghị nâng cấp tuyến đường liên khối phố bị xuống cấp",
            "Hạ tầng, giao thông",
            "(đã ẩn)",
            "(đã ẩn)",
            "UBND thành phố Tam Kỳ",
            datetime(2024, 8, 15),
            datetime(2024, 9, 14),
            above.rows[0][8],
            None,
            None,
            None,
        ]
    ]
    assert above.rows[0][8] == asked.status_label
    viewed = AuditEntry.objects.filter(action=VIEWED)
    assert not viewed.exists()
    client.force_login(world.users["w1_clerk"])
    own = reverse("voice:record_xlsx", args=["tk-w1", "meetings", held.pk])
    ward = read_table(client.get(own).content)
    assert ward.rows[0][3:5] == ["Nguyễn Thị Lan", "0905 123 456"]
    assert list(viewed.values_list("changes__where", "target_id")) == [
        (f"meetings:{held.pk}:xlsx", str(asked.pk))
    ]
    recs = read_table(
        client.get(
            reverse("voice:record_xlsx", args=["tk-w1", "supervisions", supervised.pk])
        ).content
    )
    assert recs.rows == [[1, "Rà soát hộ nghèo", "UBND phường", "Chưa phản hồi", None, None]]
