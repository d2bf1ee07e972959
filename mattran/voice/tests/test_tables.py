"""The voice pages' "Tải Excel": a kind's records of the year with their follow-up counts,
and the month table."""

from datetime import date

from django.urls import reverse

from mattran.core.tests.workbooks import read_table
from mattran.voice.tests.conftest import dialogue, meeting, petition, supervision


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
