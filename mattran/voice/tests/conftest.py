"""Small factories for the voice tests, on top of `mattran.testing.build_world()`."""

from datetime import date

import pytest

from mattran.testing import build_world
from mattran.voice.kinds import KINDS
from mattran.voice.records import save_item, save_record

SUPERVISE, CRITIQUE, DIALOGUES, MEETINGS = (KINDS[k] for k in KINDS)
RECOMMEND = SUPERVISE.items[0]
COMMENT = CRITIQUE.items[0]
ISSUE, COMMIT = DIALOGUES.items
PETITION = MEETINGS.items[0]


@pytest.fixture
def world(db):
    world = build_world()
    world.w1, world.w2, world.w3 = world.city.wards
    return world


def supervision(unit, day=date(2024, 8, 12), actor=None, **fields):
    values = {
        "kind": "thematic",
        "title": "Giám sát kết quả thực hiện các hoạt động tín dụng chính sách xã hội",
        "subject": "UBND phường",
        "started_on": day,
        **fields,
    }
    return save_record(kind=SUPERVISE, unit=unit, fields=values, actor=actor)


def meeting(unit, day=date(2024, 8, 9), actor=None, **fields):
    values = {
        "title": "Hội nghị tiếp xúc cử tri sau kỳ họp thứ 13, HĐND thành phố khóa XII",
        "level": "district",
        "held_on": day,
        **fields,
    }
    return save_record(kind=MEETINGS, unit=unit, fields=values, actor=actor)


def petition(parent, actor=None, **fields):
    values = {
        "content": "Đề nghị nâng cấp tuyến đường liên khối phố bị xuống cấp",
        "field": "infrastructure",
        "forwarded_to": "UBND thành phố Tam Kỳ",
        "forwarded_on": date(2024, 8, 15),
        "deadline": date(2024, 9, 14),
        **fields,
    }
    return save_item(spec=PETITION, parent=parent, fields=values, actor=actor)


def dialogue(unit, day=date(2024, 8, 20), kind="dialogue", actor=None, **fields):
    values = {
        "kind": kind,
        "title": "Hội nghị đối thoại trực tiếp giữa Bí thư Đảng ủy với Nhân dân",
        "held_on": day,
        "hosts": "Bí thư Đảng ủy, Chủ tịch UBND phường",
        "participants": "Nhân dân",
        **fields,
    }
    return save_record(kind=DIALOGUES, unit=unit, fields=values, actor=actor)
