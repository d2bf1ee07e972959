"""Every national-scale benchmark, run at a tiny scale so that none of them can rot."""

import io

from django.core.management import call_command

from mattran.analytics.models import AggregateState
from mattran.reporting.models import DataValue, Submission
from mattran.units.models import Tier, Unit


def test_generate_then_run_every_benchmark_on_a_tiny_country(db):
    out = io.StringIO()
    call_command(
        "bench", "generate", "--provinces", "2", "--communes", "6", "--areas", "20",
        "--years", "2", "--extra-indicators", "2", stdout=out,
    )  # fmt: skip
    assert Unit.objects.filter(tier=Tier.PROVINCE).count() == 2
    assert Unit.objects.filter(tier=Tier.COMMUNE).count() == 6
    assert Unit.objects.filter(tier=Tier.AREA).count() == 20
    assert DataValue.objects.count() > 1000 and Submission.objects.exists()
    assert "Xong trong" in out.getvalue()
    again = io.StringIO()
    call_command("bench", "generate", stdout=again)
    assert "đã có dữ liệu thử nghiệm" in again.getvalue()  # never generated twice

    printed = io.StringIO()
    call_command("bench", "run", "--runs", "1", stdout=printed)
    lines = printed.getvalue().splitlines()
    labels = [line.split(": trung vị")[0].strip() for line in lines if "trung vị" in line]
    assert labels[:3] == [
        "Tiến độ toàn quốc (mọi chỉ tiêu, một năm)",
        "so sánh: SQL viết tay, một truy vấn mỗi chỉ tiêu",
        "so sánh: DuckDB trên bản xuất Parquet",
    ]
    assert any(label.startswith("Nhập qua API") for label in labels)
    assert any(label.startswith("Báo cáo tháng 6") for label in labels)
    assert any(label.startswith("so sánh: từng xã một") for label in labels)
    assert any(label.startswith("Tiến độ từng xã của một tỉnh") for label in labels)
    assert any(label.startswith("Tiến độ từng tỉnh") for label in labels)
    assert len(labels) == 12
    assert not AggregateState.objects.filter(stale=True).exists()
    assert DataValue.objects.filter(period__code="2025-12").count() == 0  # ingest rolled back
