"""Tam Kỳ as it was in 2024: its committee, 13 wards and communes, member organisations,
residential areas, and the action programme for the 2024–2029 term.

Facts (names, indicators, targets) come from the city committee's programme and its
appendix; the wording of indicators is shortened where the programme repeats itself.
Residential areas are named the way such wards name them ("Khối phố 1", "Thôn 1"):
their real names are not in the documents.
"""

from datetime import date

from mattran.units.models import Tier, UnitKind

PROVINCE = {"code": "quangnam", "name": "Tỉnh Quảng Nam", "kind": UnitKind.PROVINCE}
CITY = {"code": "tamky", "name": "Thành phố Tam Kỳ", "kind": UnitKind.CITY}

# (code suffix, name, kind, number of residential areas) — 140 areas in all.
WARDS = [
    ("anmy", "Phường An Mỹ", UnitKind.WARD, 12),
    ("anphu", "Phường An Phú", UnitKind.WARD, 12),
    ("anson", "Phường An Sơn", UnitKind.WARD, 9),
    ("anxuan", "Phường An Xuân", UnitKind.WARD, 10),
    ("hoahuong", "Phường Hòa Hương", UnitKind.WARD, 11),
    ("hoathuan", "Phường Hòa Thuận", UnitKind.WARD, 12),
    ("phuochoa", "Phường Phước Hòa", UnitKind.WARD, 8),
    ("tanthanh", "Phường Tân Thạnh", UnitKind.WARD, 12),
    ("truongxuan", "Phường Trường Xuân", UnitKind.WARD, 12),
    ("tamngoc", "Xã Tam Ngọc", UnitKind.COMMUNE, 10),
    ("tamphu", "Xã Tam Phú", UnitKind.COMMUNE, 11),
    ("tamthang", "Xã Tam Thăng", UnitKind.COMMUNE, 12),
    ("tamthanh", "Xã Tam Thanh", UnitKind.COMMUNE, 9),
]

MEMBER_ORGS = [
    ("hnd", "Hội Nông dân thành phố"),
    ("hlhpn", "Hội Liên hiệp Phụ nữ thành phố"),
    ("hccb", "Hội Cựu chiến binh thành phố"),
    ("thanhdoan", "Thành đoàn Tam Kỳ"),
    ("ldld", "Liên đoàn Lao động thành phố"),
    ("hctd", "Hội Chữ thập đỏ thành phố"),
    ("hkh", "Hội Khuyến học thành phố"),
    ("hnct", "Hội Người cao tuổi thành phố"),
]

# The reorganisation of 2025 (REFERENCE.md §2). Phước Hòa had been merged into An Xuân
# before it; its date is not in the sources, so the demo takes 01/01/2025.
PHUOC_HOA_MERGE = date(2025, 1, 1)
MERGE_DATE = date(2025, 7, 1)
NEW_PROVINCE = {"code": "danang", "name": "Thành phố Đà Nẵng", "kind": UnitKind.PROVINCE}
NEW_WARDS = [
    ("danang-tamky", "Phường Tam Kỳ", ["anmy", "anxuan", "truongxuan"]),
    ("danang-banthach", "Phường Bàn Thạch", ["tanthanh", "hoathuan", "tamthang"]),
    ("danang-quangphu", "Phường Quảng Phú", ["anphu", "tamthanh", "tamphu"]),
    ("danang-huongtra", "Phường Hương Trà", ["hoahuong", "anson", "tamngoc"]),
]
MERGE_DECISION = "Nghị quyết số 1659/NQ-UBTVQH15 ngày 16/6/2025"

PROGRAMME = {
    "title": "Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu Mặt trận Tổ quốc "
    "Việt Nam thành phố Tam Kỳ lần thứ IX, nhiệm kỳ 2024 - 2029",
    "number": "01/CTr-MTTQ-BTT",
    "issued_on": date(2024, 7, 5),
    "first_year": 2024,
    "last_year": 2029,
}

YEARS = range(2024, 2030)


def every_year(expression: str) -> dict[int, str]:
    """Targets the programme sets "hằng năm" (area III has no appendix columns)."""
    return {year: expression for year in YEARS}


def by_year(*cells: str) -> dict[int, str]:
    """The appendix's year columns 2024..2029, empty cells included."""
    return dict(zip(YEARS, cells, strict=False))


COMMUNE, AREA, CITY_TIER = Tier.COMMUNE, Tier.AREA, Tier.DISTRICT

AREAS = [
    {
        "number": "I",
        "title": "Đổi mới, nâng cao chất lượng, hiệu quả công tác tuyên truyền, vận động, tập hợp "
        "các tầng lớp Nhân dân, phát huy sức mạnh đại đoàn kết toàn dân trên địa bàn thành phố",
        "key_tasks": [
            "Đổi mới công tác thông tin, tuyên truyền, vận động Nhân dân trên cả 03 mặt: đa dạng "
            "hóa hình thức, tăng số lượng và nâng cao chất lượng sản phẩm tuyên truyền.",
            "Nâng cao chất lượng công tác tập hợp, phản ánh tình hình Nhân dân, dư luận xã hội; "
            "giám sát việc tiếp thu, giải quyết kiến nghị của Nhân dân.",
        ],
        "solutions": [
            "Thực hiện Đề án “Đổi mới công tác thông tin, tuyên truyền của MTTQ Việt Nam”.",
            "Nâng cao chất lượng tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư (18/11).",
        ],
        "indicators": [
            {
                "code": "I.1",
                "text": "Ủy ban MTTQ Việt Nam thành phố duy trì và hoạt động hiệu quả trang thông "
                "tin điện tử, Fanpage Mặt trận Tam Kỳ, OA Zalo UBMTTQVN Tam Kỳ",
                "measure_unit": "",
                "value_type": "yes_no",
                "aggregation": "latest",
                "reported_by": CITY_TIER,
                "targets": by_year("Duy trì và hoạt động hiệu quả"),
            },
            {
                "code": "I.2a",
                "text": "Ủy ban MTTQ Việt Nam xã, phường ra mắt trang tin OA Zalo",
                "measure_unit": "xã, phường",
                "value_type": "yes_no",
                "aggregation": "count_units",
                "reported_by": COMMUNE,
                "targets": by_year("13/13 xã, phường ra mắt trang"),
            },
            {
                "code": "I.2b",
                "text": "Lượt quan tâm trang tin OA Zalo của Ủy ban MTTQ Việt Nam xã, phường",
                "measure_unit": "lượt quan tâm",
                "value_type": "count",
                "aggregation": "latest",
                "reported_by": COMMUNE,
                "targets": by_year(
                    "",
                    "trên 100 lượt quan tâm",
                    "trên 200 lượt quan tâm",
                    "trên 300 lượt quan tâm",
                    "trên 500 lượt quan tâm",
                    "Duy trì trên 500 lượt quan tâm",
                ),
            },
            {
                "code": "I.3",
                "text": "Khu dân cư tổ chức tốt Ngày hội Đại đoàn kết toàn dân tộc (trên 90% tổ "
                "chức cả phần Hội)",
                "measure_unit": "KDC",
                "value_type": "yes_no",
                "aggregation": "count_units",
                "reported_by": AREA,
                "frequency": "year",
                "targets": by_year("100%"),
            },
        ],
    },
    {
        "number": "II",
        "title": "Phát huy tinh thần tự quản, đoàn kết, sáng tạo của Nhân dân tham gia xây dựng "
        "nông thôn mới, đô thị văn minh, giảm nghèo bền vững, góp phần thực hiện thắng lợi các "
        "mục tiêu phát triển kinh tế - xã hội của địa phương",
        "key_tasks": [
            "Nâng cao chất lượng Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị "
            "văn minh”, Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”.",
            "Vận động doanh nghiệp, nhà hảo tâm và Nhân dân tham gia các hoạt động vì người "
            "nghèo, an sinh xã hội, cứu trợ thiên tai.",
        ],
        "solutions": [
            "Quản lý và sử dụng hiệu quả Quỹ “Vì người nghèo”, Quỹ cứu trợ; sửa chữa, xây mới "
            "nhà Đại đoàn kết; Tháng cao điểm vì người nghèo hằng năm.",
        ],
        "indicators": [
            {
                "code": "II.1",
                "text": "Huy động nguồn lực hỗ trợ xây dựng mới và sửa chữa trên 100 nhà “Đại đoàn "
                "kết” cho hộ nghèo, hộ cận nghèo, hộ khó khăn về nhà ở (mỗi địa phương ít nhất 01 "
                "nhà/năm)",
                "measure_unit": "nhà",
                "value_type": "count",
                "aggregation": "sum",
                "cumulative": True,
                "reported_by": COMMUNE,
                "targets": by_year(
                    "30/100 nhà", "50/100 nhà", "70/100 nhà", "85/100 nhà", "100/100 nhà", ""
                ),
            },
            {
                "code": "II.2",
                "text": "Hộ nghèo, cận nghèo được các cấp quan tâm hỗ trợ thăm hỏi, trao quà dịp "
                "Tết và được hỗ trợ sinh kế để tác động giảm nghèo",
                "measure_unit": "%",
                "value_type": "fraction",
                "aggregation": "ratio",
                "reported_by": COMMUNE,
                "targets": by_year("100%"),
            },
            {
                "code": "II.3",
                "text": "Mỗi khu dân cư có ít nhất 01 công trình hoặc mô hình phục vụ cộng đồng "
                "góp "
                "phần xây dựng nông thôn mới, đô thị văn minh",
                "measure_unit": "KDC",
                "value_type": "count",
                "aggregation": "count_units",
                "unit_condition": "ít nhất 01",
                "cumulative": True,
                "reported_by": AREA,
                "frequency": "year",
                "targets": by_year(
                    "13 KDC", "39 KDC", ">60 KDC", "100% KDC", "100% KDC", "100% KDC"
                ),
            },
            {
                "code": "II.4",
                "text": "Ủy ban MTTQ Việt Nam xã, phường chủ trì xây dựng chương trình, kế hoạch "
                "hiệp thương với các tổ chức thành viên thực hiện Cuộc vận động “Toàn dân đoàn "
                "kết xây dựng nông thôn mới, đô thị văn minh”",
                "measure_unit": "xã, phường",
                "value_type": "yes_no",
                "aggregation": "count_units",
                "reported_by": COMMUNE,
                "targets": by_year("100%"),
            },
            {
                "code": "II.5",
                "text": "Ủy ban MTTQ Việt Nam các cấp tổ chức hiệp thương giúp đỡ hội viên, đoàn "
                "viên và Nhân dân thuộc hộ nghèo, cận nghèo được hỗ trợ sinh kế thoát nghèo "
                "bền vững",
                "measure_unit": "xã, phường",
                "value_type": "yes_no",
                "aggregation": "count_units",
                "reported_by": COMMUNE,
                "targets": by_year("100%"),
            },
            {
                "code": "II.6",
                "text": "Hộ gia đình đạt chuẩn văn hóa",
                "measure_unit": "%",
                "value_type": "fraction",
                "aggregation": "ratio",
                "reported_by": AREA,
                "frequency": "year",
                "targets": every_year(">92%"),
            },
        ],
    },
    {
        "number": "III",
        "title": "Tập trung thực hiện tốt vai trò đại diện, bảo vệ quyền và lợi ích hợp pháp, "
        "chính đáng của Nhân dân; vận động Nhân dân thực hành dân chủ, tăng cường giám sát và "
        "phản biện xã hội, tích cực tham gia xây dựng, chỉnh đốn Đảng và hệ thống chính trị các "
        "cấp vững mạnh",
        "key_tasks": [
            "Thực hiện tốt chức năng giám sát, phản biện xã hội; đấu tranh phòng, chống tiêu cực, "
            "tham nhũng, lãng phí; vận động Nhân dân tham gia xây dựng Đảng, chính quyền.",
        ],
        "solutions": [
            "Hằng năm xây dựng kế hoạch và triển khai hiệu quả hoạt động giám sát, phản biện xã "
            "hội; tổ chức “diễn đàn Nhân dân” và hội nghị “đối thoại trực tiếp”.",
        ],
        "indicators": [
            {
                "code": "III.1",
                "text": "Ủy ban MTTQ Việt Nam thành phố chủ trì tổ chức giám sát chuyên đề",
                "measure_unit": "cuộc",
                "value_type": "count",
                "aggregation": "sum",
                "reported_by": CITY_TIER,
                "targets": every_year("trên 03 cuộc giám sát chuyên đề"),
            },
            {
                "code": "III.2",
                "text": "Ủy ban MTTQ Việt Nam thành phố chủ trì tổ chức Hội nghị phản biện, góp ý "
                "dự thảo văn bản của cấp ủy, chính quyền cùng cấp",
                "measure_unit": "hội nghị",
                "value_type": "count",
                "aggregation": "sum",
                "reported_by": CITY_TIER,
                "targets": every_year("trên 02 hội nghị"),
            },
            {
                "code": "III.3",
                "text": "Ủy ban MTTQ Việt Nam mỗi xã, phường chủ trì tổ chức trên 01 cuộc giám sát "
                "chuyên đề",
                "measure_unit": "xã, phường",
                "value_type": "count",
                "aggregation": "count_units",
                "unit_condition": "trên 01 cuộc giám sát chuyên đề",
                "reported_by": COMMUNE,
                "targets": every_year("13/13 xã, phường"),
            },
            {
                "code": "III.4",
                "text": "Ủy ban MTTQ Việt Nam mỗi xã, phường chủ trì tổ chức trên 01 Hội nghị phản "
                "biện, góp ý dự thảo văn bản",
                "measure_unit": "xã, phường",
                "value_type": "count",
                "aggregation": "count_units",
                "unit_condition": "trên 01 hội nghị",
                "reported_by": COMMUNE,
                "targets": every_year("13/13 xã, phường"),
            },
            {
                "code": "III.5",
                "text": "Ủy ban MTTQ Việt Nam thành phố chủ trì tổ chức “diễn đàn Nhân dân” góp ý "
                "xây dựng đội ngũ cán bộ, công chức, viên chức và hoạt động của chính quyền",
                "measure_unit": "diễn đàn",
                "value_type": "count",
                "aggregation": "sum",
                "reported_by": CITY_TIER,
                "targets": every_year("ít nhất 02 diễn đàn"),
            },
            {
                "code": "III.6",
                "text": "Tham mưu Ban Thường vụ Thành ủy tổ chức hội nghị “đối thoại trực tiếp” "
                "giữa người đứng đầu cấp ủy, chính quyền với Nhân dân",
                "measure_unit": "hội nghị",
                "value_type": "count",
                "aggregation": "sum",
                "reported_by": CITY_TIER,
                "targets": every_year("từ 01 đến 02 hội nghị"),
            },
            {
                "code": "III.7",
                "text": "Ủy ban MTTQ Việt Nam xã, phường chủ trì tổ chức ít nhất 01 “diễn đàn Nhân "
                "dân”",
                "measure_unit": "xã, phường",
                "value_type": "count",
                "aggregation": "count_units",
                "unit_condition": "ít nhất 01 diễn đàn",
                "reported_by": COMMUNE,
                "targets": every_year("13/13 xã, phường"),
            },
            {
                "code": "III.8",
                "text": "Ủy ban MTTQ Việt Nam xã, phường tham mưu cấp ủy tổ chức ít nhất 01 hội "
                "nghị “đối thoại trực tiếp”",
                "measure_unit": "xã, phường",
                "value_type": "count",
                "aggregation": "count_units",
                "unit_condition": "ít nhất 01 hội nghị",
                "reported_by": COMMUNE,
                "targets": every_year("13/13 xã, phường"),
            },
            {
                "code": "III.9",
                "text": "Ban Thanh tra Nhân dân hoạt động hiệu quả",
                "measure_unit": "ban",
                "value_type": "yes_no",
                "aggregation": "count_units",
                "reported_by": COMMUNE,
                "frequency": "year",
                "targets": every_year("trên 90%"),
            },
            {
                "code": "III.10",
                "text": "Công trình, dự án đầu tư có nguồn vốn đóng góp của Nhân dân và ngân sách "
                "cấp xã được Ban Giám sát đầu tư của cộng đồng giám sát",
                "measure_unit": "%",
                "value_type": "fraction",
                "aggregation": "ratio",
                "reported_by": COMMUNE,
                "targets": every_year("100%"),
            },
        ],
    },
    {
        "number": "IV",
        "title": "Tăng cường hội nhập quốc tế, mở rộng hoạt động đối ngoại Nhân dân, hoạt động "
        "kết nghĩa",
        "key_tasks": [
            "Giữ mối quan hệ hữu nghị với huyện Lạ Màm, tỉnh Sê Kông (Lào) và quận Dalseo, thành "
            "phố Daegu (Hàn Quốc); thăm hỏi, hỗ trợ Nhân dân các đơn vị kết nghĩa.",
        ],
        "solutions": [
            "Hằng năm phối hợp tổ chức gặp mặt, thăm hỏi bà con kiều bào về quê dịp Tết cổ truyền.",
        ],
        "indicators": [
            {
                "code": "IV.1",
                "text": "Hằng năm tham gia đầy đủ và có phần việc cụ thể đối với các hoạt động đối "
                "ngoại Nhân dân",
                "measure_unit": "%",
                "value_type": "percent",
                "aggregation": "latest",
                "reported_by": CITY_TIER,
                "targets": by_year("100%"),
            },
            {
                "code": "IV.2",
                "text": "Trong nhiệm kỳ tổ chức ít nhất 01 diễn đàn gặp mặt kiều bào về quê ăn "
                "Tết, thăm thân nhân",
                "measure_unit": "diễn đàn",
                "value_type": "yes_no",
                "aggregation": "event",
                "reported_by": CITY_TIER,
                "targets": by_year("", "", "Tổ chức", "", "Tổ chức", ""),
            },
        ],
    },
    {
        "number": "V",
        "title": "Kiện toàn tổ chức, nâng cao chất lượng đội ngũ cán bộ Mặt trận; tiếp tục đổi "
        "mới nội dung, phương thức hoạt động theo hướng cụ thể, thiết thực, hiệu quả",
        "key_tasks": [
            "Đào tạo, bồi dưỡng, tập huấn nâng cao năng lực cho cán bộ chuyên trách, Ban Thanh "
            "tra Nhân dân, Ban Giám sát đầu tư của cộng đồng.",
        ],
        "solutions": [
            "Kiện toàn Ủy ban Mặt trận các cấp; đổi mới công tác thi đua, khen thưởng; tăng "
            "cường ứng dụng công nghệ thông tin.",
        ],
        "indicators": [
            {
                "code": "V.1",
                "text": "Cán bộ Mặt trận cấp xã và Trưởng ban Công tác Mặt trận được bồi dưỡng "
                "kiến thức, kỹ năng công tác Mặt trận, ít nhất 01 lần",
                "measure_unit": "%",
                "value_type": "fraction",
                "aggregation": "ratio",
                "reported_by": COMMUNE,
                "targets": by_year("100%"),
            },
            {
                "code": "V.2",
                "text": "Cán bộ Mặt trận được bồi dưỡng chuyên môn, nghiệp vụ công tác (giữa nhiệm "
                "kỳ trên 95%)",
                "measure_unit": "%",
                "value_type": "fraction",
                "aggregation": "ratio",
                "reported_by": COMMUNE,
                "targets": by_year("70%", "80%", "95%", "100%"),
            },
            {
                "code": "V.3",
                "text": "Ủy ban MTTQ Việt Nam thành phố hoàn thành tốt nhiệm vụ trở lên",
                "measure_unit": "",
                "value_type": "rating",
                "aggregation": "latest",
                "reported_by": CITY_TIER,
                "frequency": "year",
                "targets": every_year("Hoàn thành tốt nhiệm vụ trở lên"),
            },
            {
                "code": "V.4",
                "text": "Ủy ban MTTQ Việt Nam xã, phường được đánh giá hoàn thành tốt nhiệm vụ trở "
                "lên",
                "measure_unit": "xã, phường",
                "value_type": "rating",
                "aggregation": "count_units",
                "unit_condition": "hoàn thành tốt nhiệm vụ trở lên",
                "reported_by": COMMUNE,
                "frequency": "year",
                "targets": every_year("trên 90%"),
            },
            {
                "code": "V.5",
                "text": "Ban Công tác Mặt trận khu dân cư được đánh giá hoàn thành tốt nhiệm vụ "
                "trở lên",
                "measure_unit": "KDC",
                "value_type": "rating",
                "aggregation": "count_units",
                "unit_condition": "hoàn thành tốt nhiệm vụ trở lên",
                "reported_by": AREA,
                "frequency": "year",
                "targets": every_year("trên 90%"),
            },
        ],
    },
    {
        "number": "VI",
        "title": "Xây dựng khu dân cư đoàn kết, đồng thuận; ấm no, hạnh phúc",
        "key_tasks": [
            "Phát huy vai trò tự quản và các mô hình tự quản của Nhân dân.",
        ],
        "solutions": [
            "Ban Công tác Mặt trận thôn, khối phố làm tốt vai trò nòng cốt chính trị, vận động "
            "Nhân dân, phát huy tinh thần tự quản của cộng đồng.",
        ],
        "indicators": [
            {
                "code": "VI.1",
                "text": "Khu dân cư đoàn kết, đồng thuận; Người dân có cuộc sống ấm no, hạnh phúc",
                "measure_unit": "KDC",
                "value_type": "yes_no",
                "aggregation": "count_units",
                "reported_by": AREA,
                "frequency": "year",
                "targets": by_year(
                    "01 KDC", "12 KDC", ">40% KDC", ">60% KDC", "100% KDC", "100% KDC"
                ),
            },
            {
                "code": "VI.2",
                "text": "Khu dân cư đạt chuẩn khu dân cư văn hóa hằng năm",
                "measure_unit": "KDC",
                "value_type": "yes_no",
                "aggregation": "count_units",
                "reported_by": AREA,
                "frequency": "year",
                "targets": by_year(">92%", ">92%", ">92%", ">92%", ">92%", ">92%"),
            },
            {
                "code": "VI.3",
                "text": "Khu dân cư đạt tiêu chuẩn an toàn về an ninh, trật tự theo Thông tư "
                "124/TT-BCA của Bộ Công an",
                "measure_unit": "KDC",
                "value_type": "yes_no",
                "aggregation": "count_units",
                "reported_by": AREA,
                "frequency": "year",
                "targets": by_year("70%", "75%", "80%", "85%", "90%", "95%"),
            },
        ],
    },
]
