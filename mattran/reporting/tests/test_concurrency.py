"""Two clerks saving the same figure at the same moment, each from a form opened on the same
version: exactly one is stored, the other is told in Vietnamese that somebody was faster
(on PostgreSQL the row lock, or the unique key for a new figure, makes the second wait; on
SQLite the write lock each transaction takes when it begins). No update is lost: the stored
figure is the winner's, its version moved once, and the audit trail has one entry per
stored version. The sequential case is in test_values.py; this is the race, with real
threads and a connection each."""

import threading
import time
from decimal import Decimal

import pytest
from django.db import connections

from mattran.accounts.models import Role, User
from mattran.audit.models import AuditEntry
from mattran.reporting import services
from mattran.reporting.models import DataValue
from mattran.reporting.services import ConflictError, Figure, save_data_value
from mattran.testing import add_indicator, build_city, build_programme, put


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("stored_before", [True, False], ids=["changed-figure", "new-figure"])
def test_two_clerks_saving_the_same_figure_at_once_lose_no_update(monkeypatch, stored_before):
    city = build_city(areas=0)
    indicator = add_indicator(build_programme(city.city), "II.1", text="Nhà Đại đoàn kết")
    ward = city.wards[0]
    clerks = [
        User.objects.create_user(username=f"can-bo-{n}", role=Role.DATA_CLERK, unit=ward)
        for n in ("an", "binh")
    ]
    put(indicator, city.wards[1], "2024-08", number=1)  # the month is open: others reported
    opened = put(indicator, ward, "2024-08", number=3).version if stored_before else 0
    audit = services.record

    def slow_audit(**kwargs):  # the first clerk holds its write open while the second arrives
        entry = audit(**kwargs)
        time.sleep(0.5)
        return entry

    monkeypatch.setattr(services, "record", slow_audit)
    outcomes: dict[str, str] = {}

    def clerk(user: User, number: int, delay: float) -> None:
        time.sleep(delay)
        try:
            save_data_value(
                indicator=indicator,
                unit=ward,
                period="2024-08",
                figure=Figure(number=Decimal(number)),
                actor=user,
                expected_version=opened,
            )
            outcomes[user.username] = "saved"
        except ConflictError as exc:
            outcomes[user.username] = exc.messages[0]
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=clerk, args=(clerks[0], 5, 0)),
        threading.Thread(target=clerk, args=(clerks[1], 7, 0.15)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert outcomes["can-bo-an"] == "saved", outcomes
    refusal = outcomes["can-bo-binh"]
    assert refusal.startswith("Số liệu II.1 của Phường An Mỹ kỳ tháng 8/2024 vừa được"), refusal
    assert "Giá trị đang lưu: 5; giá trị bạn nhập: 7." in refusal
    value = DataValue.objects.get(unit=ward)
    assert value.number == 5 and value.entered_by.username == "can-bo-an"
    assert value.version == opened + 1
    assert (
        AuditEntry.objects.filter(action="data_value.save", target_id=str(value.pk)).count()
        == value.version
    )
