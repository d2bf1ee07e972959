"""The national criteria sets campaigns refer to (REFERENCE.md §4), and reading references
to them in a plan's text: "tiêu chí 10, 11, 12, 13 trong xây dựng nông thôn mới; tiêu chí số
6 trong xây dựng đô thị văn minh"."""

import re

NTM_2021 = [
    "Quy hoạch",
    "Giao thông",
    "Thủy lợi và phòng, chống thiên tai",
    "Điện",
    "Trường học",
    "Cơ sở vật chất văn hóa",
    "Cơ sở hạ tầng thương mại nông thôn",
    "Thông tin và Truyền thông",
    "Nhà ở dân cư",
    "Thu nhập",
    "Nghèo đa chiều",
    "Lao động",
    "Tổ chức sản xuất và phát triển kinh tế nông thôn",
    "Giáo dục và Đào tạo",
    "Y tế",
    "Văn hóa",
    "Môi trường và an toàn thực phẩm",
    "Hệ thống chính trị và tiếp cận pháp luật",
    "Quốc phòng và An ninh",
]
NTM_2026 = [
    "Quy hoạch",
    "Hạ tầng kinh tế - xã hội",
    "Phát triển kinh tế nông thôn",
    "Đào tạo nguồn nhân lực nông thôn",
    "Văn hóa, giáo dục, y tế",
    "Giảm nghèo và an sinh xã hội",
    "Khoa học công nghệ và chuyển đổi số",
    "Môi trường và cảnh quan nông thôn",
    "Xây dựng hệ thống chính trị và hành chính công",
    "Tiếp cận pháp luật và an ninh, quốc phòng",
]
DTVM_2022 = [
    "Quy hoạch đô thị",
    "Giao thông đô thị",
    "Môi trường và an toàn thực phẩm đô thị",
    "An ninh, trật tự đô thị",
    "Thông tin, truyền thông đô thị",
    "Việc làm, thu nhập bình quân, hộ nghèo ở đô thị",
    "Văn hóa, thể thao đô thị",
    "Y tế, giáo dục đô thị",
    "Hệ thống chính trị và trách nhiệm của chính quyền đô thị",
]
SETS = {"ntm-2021": NTM_2021, "ntm-2026": NTM_2026, "dtvm-2022": DTVM_2022}

_REFERENCE = re.compile(
    r"tiêu chí\s+(?:số\s+)?(\d{1,2}(?:\s*(?:,|và|;)\s*(?:số\s+)?\d{1,2})*)\s+"
    r"(?:trong\s+|về\s+|của\s+)?(?:xây dựng\s+|bộ tiêu chí\s+)?"
    r"(nông thôn mới|đô thị văn minh|phường văn minh đô thị)",
    re.IGNORECASE,
)


def criteria_references(text: str, year: int) -> list[tuple[str, int]]:
    """[("ntm-2021", 10), …, ("dtvm-2022", 6)] for the criteria a text names; the new-rural
    set in force that year (2021–2025 or 2026–2030)."""
    found: list[tuple[str, int]] = []
    for match in _REFERENCE.finditer(text or ""):
        kind = match.group(2).lower()
        criteria_set = (
            "dtvm-2022" if "đô thị" in kind else ("ntm-2026" if year >= 2026 else "ntm-2021")
        )
        for number in re.findall(r"\d{1,2}", match.group(1)):
            ref = (criteria_set, int(number))
            if 1 <= ref[1] <= len(SETS[criteria_set]) and ref not in found:
                found.append(ref)
    return found
