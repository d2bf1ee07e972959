"""The voice app's part of the scope matrix (accounts/tests/test_scope_matrix.py)."""

from datetime import date
from types import SimpleNamespace

from django.urls import reverse

from mattran.voice.kinds import KINDS
from mattran.voice.privacy import grant_access
from mattran.voice.records import save_item, save_record
from mattran.voice.surveys import add_question, save_response, save_survey

DAY = date(2024, 8, 12)


def _records(ward):
    # A regular supervision feeds no indicator: the matrix counts the ward's figures.
    supervision = save_record(
        kind=KINDS["supervisions"],
        unit=ward,
        fields={
            "kind": "regular",
            "title": "Giám sát việc thu gom rác thải",
            "subject": "HTX",
            "started_on": DAY,
        },
    )
    rec = save_item(
        spec=KINDS["supervisions"].items[0],
        parent=supervision,
        fields={"text": "Bố trí thêm điểm tập kết rác", "addressed_to": "UBND phường"},
    )
    critique = save_record(
        kind=KINDS["critiques"],
        unit=ward,
        fields={
            "document_title": "Dự thảo quy chế",
            "drafting_body": "UBND phường",
            "held_on": DAY,
        },
    )
    comment = save_item(
        spec=KINDS["critiques"].items[0], parent=critique, fields={"text": "Bổ sung điều khoản"}
    )
    dialogue = save_record(
        kind=KINDS["dialogues"],
        unit=ward,
        fields={
            "kind": "dialogue",
            "title": "Đối thoại với Nhân dân",
            "held_on": DAY,
            "hosts": "Bí thư Đảng ủy",
            "participants": "Nhân dân",
        },
    )
    issue = save_item(
        spec=KINDS["dialogues"].items[0], parent=dialogue, fields={"text": "Đèn đường hỏng"}
    )
    commitment = save_item(
        spec=KINDS["dialogues"].items[1],
        parent=dialogue,
        fields={"text": "Sửa đèn", "responsible": "UBND phường"},
    )
    meeting = save_record(
        kind=KINDS["meetings"],
        unit=ward,
        fields={"title": "Tiếp xúc cử tri", "level": "district", "held_on": DAY},
    )
    petition = save_item(
        spec=KINDS["meetings"].items[0],
        parent=meeting,
        fields={
            "content": "Nâng cấp đường",
            "field": "infrastructure",
            "citizen_name": "Trần Văn Bình",
            "forwarded_to": "UBND thành phố",
            "deadline": date(2024, 9, 30),
        },
    )
    return {
        "supervisions": (supervision, "recommendations", rec),
        "critiques": (critique, "comments", comment),
        "dialogues#issues": (dialogue, "issues", issue),
        "dialogues": (dialogue, "commitments", commitment),
        "meetings": (meeting, "petitions", petition),
    }


def prepare(world):
    world.voice = {}
    for ward in world.city.wards[:2]:
        survey = save_survey(
            unit=ward,
            fields={
                "title": "Lấy ý kiến về đô thị văn minh",
                "kind": "urban",
                "starts_on": date(2024, 8, 1),
                "ends_on": date(2024, 8, 31),
            },
        )
        question = add_question(survey=survey, text="Đường phố sạch đẹp?", scale="three")
        response = save_response(
            survey=survey, area=world.city.areas[ward.code][0], answers={question.pk: 1}
        )
        grant = grant_access(
            unit=ward,
            user=world.users["city_admin"],
            reason="Theo dõi kiến nghị",
            valid_until=date(2099, 12, 31),
        )
        world.voice[ward.code] = SimpleNamespace(
            records=_records(ward),
            survey=survey,
            question=question,
            response=response,
            grant=grant,
        )


def urls(world, code) -> dict[str, tuple[str, str]]:
    mine = getattr(world, "voice", {}).get(code)
    v = "voice:"
    found = {
        v + "index": ("get", reverse(v + "index", args=[code])),
        v + "index_xlsx": ("get", reverse(v + "index_xlsx", args=[code])),
        v + "petitions": ("get", reverse(v + "petitions", args=[code])),
        v + "overdue": ("get", reverse(v + "overdue", args=[code])),
        v + "petitions_export": ("post", reverse(v + "petitions_export", args=[code])),
        v + "grants": ("get", reverse(v + "grants", args=[code])),
        v + "grants#post": ("post", reverse(v + "grants", args=[code])),
        v + "grant_revoke": (
            "post",
            reverse(v + "grant_revoke", args=[code, mine.grant.pk if mine else 0]),
        ),
        v + "surveys": ("get", reverse(v + "surveys", args=[code])),
        v + "surveys_xlsx": ("get", reverse(v + "surveys_xlsx", args=[code])),
        v + "survey_new": ("get", reverse(v + "survey_new", args=[code])),
        v + "survey_new#post": ("post", reverse(v + "survey_new", args=[code])),
    }
    s = mine.survey.pk if mine else 0
    q = mine.question.pk if mine else 0
    r = mine.response.pk if mine else 0
    for name, extra, method in [
        ("survey", [], "get"),
        ("survey#post", [], "post"),
        ("survey_edit", [], "get"),
        ("survey_edit#post", [], "post"),
        ("survey_delete", [], "post"),
        ("question_delete", [q], "post"),
        ("responses", [], "get"),
        ("response_new", [], "get"),
        ("response_new#post", [], "post"),
        ("response_delete", [r], "post"),
        ("survey_template", [], "get"),
        ("survey_upload", [], "post"),
        ("tallies", [], "get"),
        ("tallies_export", [], "post"),
    ]:
        found[v + name] = (method, reverse(v + name.split("#")[0], args=[code, s, *extra]))
    for key, kind in [
        (k, k.split("#")[0])
        for k in ("supervisions", "critiques", "dialogues", "dialogues#issues", "meetings")
    ]:
        record, item, row = (
            mine.records[key]
            if mine
            else (
                None,
                dict(
                    [
                        ("supervisions", "recommendations"),
                        ("critiques", "comments"),
                        ("dialogues", "commitments"),
                        ("dialogues#issues", "issues"),
                        ("meetings", "petitions"),
                    ]
                )[key],
                None,
            )
        )
        pk, ipk = (record.pk, row.pk) if mine else (0, 0)
        tag = f"#{key.replace('#', '-')}"
        found[v + "records" + tag] = ("get", reverse(v + "records", args=[code, kind]))
        found[v + "records_xlsx" + tag] = ("get", reverse(v + "records_xlsx", args=[code, kind]))
        found[v + "record_new" + tag] = ("get", reverse(v + "record_new", args=[code, kind]))
        found[v + "record_new" + tag + "-post"] = (
            "post",
            reverse(v + "record_new", args=[code, kind]),
        )
        found[v + "record" + tag] = ("get", reverse(v + "record", args=[code, kind, pk]))
        found[v + "record_xlsx" + tag] = ("get", reverse(v + "record_xlsx", args=[code, kind, pk]))
        found[v + "record_edit" + tag] = ("get", reverse(v + "record_edit", args=[code, kind, pk]))
        found[v + "record_edit" + tag + "-post"] = (
            "post",
            reverse(v + "record_edit", args=[code, kind, pk]),
        )
        found[v + "record_delete" + tag] = (
            "post",
            reverse(v + "record_delete", args=[code, kind, pk]),
        )
        found[v + "item_add" + tag] = ("post", reverse(v + "item_add", args=[code, kind, pk, item]))
        found[v + "item_edit" + tag] = (
            "get",
            reverse(v + "item_edit", args=[code, kind, pk, item, ipk]),
        )
        found[v + "item_edit" + tag + "-post"] = (
            "post",
            reverse(v + "item_edit", args=[code, kind, pk, item, ipk]),
        )
        found[v + "item_delete" + tag] = (
            "post",
            reverse(v + "item_delete", args=[code, kind, pk, item, ipk]),
        )
    return found
