from io import BytesIO, StringIO

import docx
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from mattran.documents.models import GeneratedFile
from mattran.testing import build_world


@pytest.fixture
def world(db):
    return build_world()


def test_the_command_writes_the_monthly_report_and_the_indicator_table(world, tmp_path):
    code = world.city.city.code
    out = tmp_path / "bao-cao.docx"
    call_command(
        "report",
        "monthly",
        "--unit",
        code,
        "--period",
        "2024-08",
        "--out",
        str(out),
        "--user",
        "city_admin",
        stdout=StringIO(),
    )
    document = docx.Document(BytesIO(out.read_bytes()))
    assert "Kết quả công tác Mặt trận tháng 8/2024" in "\n".join(
        p.text for p in document.paragraphs
    )
    table = tmp_path / "bang.xlsx"
    call_command(
        "report",
        "indicators",
        "--unit",
        code,
        "--year",
        "2024",
        "--out",
        str(table),
        stdout=StringIO(),
    )
    assert load_workbook(table).active["A4"].value == "TT"
    kept = GeneratedFile.objects.order_by("created_at")
    assert [f.format for f in kept] == ["docx", "xlsx"]
    assert kept[0].created_by.username == "city_admin"


def test_the_command_explains_mistakes_in_vietnamese(world, tmp_path):
    with pytest.raises(CommandError, match="Không có đơn vị mã “khong-co”"):
        call_command(
            "report",
            "monthly",
            "--unit",
            "khong-co",
            "--period",
            "2024-08",
            "--out",
            str(tmp_path / "x.docx"),
        )
    with pytest.raises(CommandError, match="không phải kỳ của báo cáo năm"):
        call_command(
            "report",
            "annual",
            "--unit",
            world.city.city.code,
            "--period",
            "2024-08",
            "--out",
            str(tmp_path / "x.docx"),
        )
