"""A month of activities as a spreadsheet, as the activities page lists it."""

from mattran.core.xlsx import Column, Table


def activities_table(unit, year: int, month: int, activities) -> Table:
    return Table(
        name=f"Hoạt động {month:02d}-{year}",
        title=f"HOẠT ĐỘNG THÁNG {month}/{year} — {unit.name.upper()}",
        notes=[f"{unit.name} và các đơn vị trực thuộc: {len(activities)} hoạt động"],
        columns=[
            Column("Ngày", 12),
            Column("Đơn vị", 24),
            Column("Loại hoạt động", 24),
            Column("Tên hoạt động", 50),
            Column("Nội dung", 50),
            Column("Đường dẫn", 30),
            Column("Số lượng", 10),
            Column("Lượt tương tác", 12),
            Column("Giá trị (đồng)", 16),
            Column("Ghi từ hồ sơ", 30),
        ],
        rows=[
            [
                a.date,
                a.unit.name,
                a.type.name,
                a.title,
                a.description,
                a.link,
                a.quantity,
                a.interactions,
                a.amount,
                a.owner_label,
            ]
            for a in activities
        ],
    )
