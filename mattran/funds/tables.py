"""The funds pages' tables as spreadsheets: a unit's funds with their balances and the funds
kept below it (the funds page), and its in-kind relief stores (the stores page)."""

from mattran.core.xlsx import Column, Table


def funds_table(unit, today, rows) -> Table:
    return Table(
        name="Quỹ",
        title=f"QUỸ “VÌ NGƯỜI NGHÈO”, QUỸ CỨU TRỢ — {unit.name.upper()}",
        notes=[f"Tồn quỹ đến hết ngày {today:%d/%m/%Y}; thu, chi của năm gần nhất có bút toán"],
        columns=[
            Column("Quỹ", 30),
            Column("Sổ quỹ", 14),
            Column("Tồn quỹ (đồng)", 18),
            Column("Năm", 8, "plain"),
            Column("Thu trong năm (đồng)", 18),
            Column("Chi trong năm (đồng)", 18),
        ],
        rows=[
            [
                row.kind.label,
                "Đã mở" if row.fund else "Chưa mở sổ",
                row.balance if row.fund else None,
                row.year.start.year if row.year else None,
                row.year.total_in if row.year else None,
                row.year.total_out if row.year else None,
            ]
            for row in rows
        ],
    )


def below_table(unit, today, below) -> Table:
    return Table(
        name="Quỹ đơn vị trực thuộc",
        title=f"QUỸ CỦA CÁC ĐƠN VỊ TRỰC THUỘC {unit.name.upper()}",
        notes=[f"Tồn quỹ đến hết ngày {today:%d/%m/%Y}"],
        columns=[Column("Đơn vị", 30), Column("Quỹ", 36), Column("Tồn quỹ (đồng)", 18)],
        rows=[[row.fund.unit.name, row.fund.name, row.balance] for row in below],
    )


def stores_table(unit, today, rows) -> Table:
    return Table(
        name="Kho hàng cứu trợ",
        title=f"KHO HÀNG CỨU TRỢ — {unit.name.upper()}",
        notes=[f"Số mặt hàng còn tồn đến hết ngày {today:%d/%m/%Y}"],
        columns=[Column("Kho", 30), Column("Địa chỉ", 40), Column("Số mặt hàng còn tồn", 14)],
        rows=[[row.store.name, row.store.address, row.items] for row in rows],
    )
