"""Who a task is given to: "- Hội Nông dân thành phố: …", "- Thành đoàn:" with "+" bullets,
or a heading "2. Các tổ chức thành viên của MTTQ Việt Nam thành phố" under "Tổ chức thực hiện".
"""

import re

_OWNER_START = re.compile(
    r"^(Ủy ban|Uỷ ban|UBND|UBMTTQ|BTT|Ban|Hội|Thành đoàn|Tỉnh đoàn|Huyện đoàn|Thị đoàn|Đoàn"
    r"|Liên đoàn|Công đoàn|Mặt trận|MTTQ|Các|Văn phòng|Phòng|Trung tâm|Cơ quan|Thường trực"
    r"|Đảng ủy|Ủy viên|Trưởng ban|Bộ phận|Khối|Liên hiệp|Chi hội|Tổ chức thành viên"
    r"|Phường|Xã|Thị trấn|Khu dân cư|Thôn|Khối phố|Mỗi|Từng|Công an|Quân sự|Ngân hàng)\b"
)
_NOT_OWNER = re.compile(
    r"\b(kết quả|nhiệm vụ|giải pháp|chỉ tiêu|mục đích|yêu cầu|nội dung|tổ chức thực hiện"
    r"|thời gian|kinh phí|đối tượng|phạm vi|lưu ý|ví dụ|trong đó|bao gồm)\b",
    re.IGNORECASE,
)
_IMPLEMENTATION = re.compile(r"tổ chức thực hiện|phân công|trách nhiệm", re.IGNORECASE)


def owner_name(text: str) -> str:
    """The owner named by a heading or by the words before a colon, or ""."""
    name = text.strip().rstrip(":").strip()
    if not name or len(name) > 110 or re.search(r"\d", name) or name.count(",") > 2:
        return ""
    if not _OWNER_START.match(name) or _NOT_OWNER.search(name):
        return ""
    return name


def split_owner(text: str) -> tuple[str, str]:
    """("Hội Nông dân thành phố", "đẩy mạnh …") for "Hội Nông dân thành phố: đẩy mạnh …"."""
    head, colon, rest = text.partition(":")
    if not colon:
        return "", text
    name = owner_name(head)
    return (name, rest.strip()) if name else ("", text)


def is_implementation_heading(title: str) -> bool:
    return bool(_IMPLEMENTATION.search(title))
