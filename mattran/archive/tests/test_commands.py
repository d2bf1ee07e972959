"""`mattran export --unit … FILE` and `mattran import-archive FILE`, in Vietnamese."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mattran.archive.tests.world import build_archive_world
from mattran.cli import main
from mattran.units.models import Unit


def export(*args: str) -> str:
    out = StringIO()
    call_command("export", *args, stdout=out)
    return out.getvalue()


def test_export_prints_what_it_wrote(db, tmp_path):
    build_archive_world()
    text = export(str(tmp_path / "w1.zip"), "--unit", "tk-w1")
    assert f"Đã ghi bản lưu trữ {tmp_path / 'w1.zip'}" in text
    assert "của Phường An Mỹ (tk-w1):" in text
    assert "  số liệu: 2\n" in text
    assert "  đơn vị: 5 (trong đó 2 tham chiếu)\n" in text
    assert "Không có dữ liệu cá nhân: đã bỏ hộ gia đình" in text
    assert "Tệp đính kèm: 4 tệp" in text  # evidence ×2, the report, the upload: no house photo

    text = export(str(tmp_path / "full.zip"), "--unit", "tk-w1", "--include-personal-data")
    assert "có dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP)" in text
    assert "  hộ gia đình: 1\n" in text
    text = export(str(tmp_path / "bare.zip"), "--unit", "tk-w1", "--no-files")
    assert "Không ghi tệp đính kèm" in text


def test_export_refuses_an_unknown_unit_or_user(db, tmp_path):
    build_archive_world()
    with pytest.raises(CommandError, match="Không có đơn vị mã “hanoi”"):
        export(str(tmp_path / "x.zip"), "--unit", "hanoi")
    with pytest.raises(CommandError, match="Không có người dùng “ai”"):
        export(str(tmp_path / "x.zip"), "--unit", "tk", "--user", "ai")


def test_import_archive_refuses_data_already_there(db, tmp_path):
    build_archive_world()
    export(str(tmp_path / "tk.zip"), "--unit", "tk")
    with pytest.raises(CommandError, match="Cơ sở dữ liệu đã có dữ liệu"):
        call_command("import_archive", str(tmp_path / "tk.zip"), stdout=StringIO())
    with pytest.raises(CommandError, match=r"Không tìm thấy tệp “none\.zip”"):
        call_command("import_archive", str(tmp_path / "none.zip"), stdout=StringIO())


def test_import_archive_by_its_command_line_name(transactional_db, tmp_path, capsys):
    build_archive_world()
    export(str(tmp_path / "tk.zip"), "--unit", "tk", "--include-personal-data")
    call_command("flush", interactive=False, verbosity=0, stdout=StringIO())

    main(["import-archive", str(tmp_path / "tk.zip")])
    text = capsys.readouterr().out
    assert "Đã nhập bản lưu trữ của Thành phố Tam Kỳ (tk), ghi lúc " in text
    assert "  số liệu: 4\n" in text
    assert "Tệp đính kèm: 5 tệp đã khôi phục." in text
    assert Unit.objects.count() == 11
