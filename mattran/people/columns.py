"""The columns of a member list in Excel, shared by the template, the import and the export
(an exported list can be filled in and imported again)."""

from mattran.people.models import Gender, Role
from mattran.people.search import fold
from mattran.units.models import Tier

NAME = "Họ và tên"
BIRTH_YEAR = "Năm sinh"
GENDER = "Giới tính"
ROLE = "Chức vụ/Vai trò"
SECTOR = "Đại diện cho"
UNIT = "Đơn vị (mã hoặc tên)"
START = "Từ ngày"
END = "Đến ngày"
PHONE = "Điện thoại"
EMAIL = "Email"
NOTE = "Ghi chú"
ADDRESS = "Địa chỉ"

COLUMNS = [NAME, BIRTH_YEAR, GENDER, ROLE, SECTOR, UNIT, START, END, PHONE, EMAIL, NOTE]
REQUIRED = (NAME, ROLE, UNIT, START)
WIDTHS = {NAME: 26, ROLE: 34, SECTOR: 22, UNIT: 26, NOTE: 30, EMAIL: 24, ADDRESS: 30}
HIDDEN = "(ẩn)"  # what an export writes where the user may not read contact data

# How people write a column's title, folded: the first matching title wins.
HEADER_WORDS = {
    NAME: ("ho va ten", "ho ten"),
    BIRTH_YEAR: ("nam sinh",),
    GENDER: ("gioi tinh",),
    ROLE: ("chuc vu", "vai tro"),
    SECTOR: ("dai dien",),
    UNIT: ("don vi",),
    START: ("tu ngay", "ngay bat dau"),
    END: ("den ngay", "ngay thoi"),
    PHONE: ("dien thoai", "so dt", "sdt"),
    EMAIL: ("email", "e-mail", "thu dien tu"),
    NOTE: ("ghi chu",),
}


def column_of(title: str) -> str | None:
    key = fold(title)
    for column, words in HEADER_WORDS.items():
        if any(key.startswith(word) for word in words):
            return column
    return None


GENDERS = {fold(label): value for value, label in Gender.choices}

# Short names people use in their lists, folded. "Trưởng ban" alone depends on where it is
# held: in a residential area it is the head of the area's Front board.
ROLE_WORDS = {
    **{fold(label): role for role, label in Role.choices},
    "chu tich": Role.CHAIR,
    "pho chu tich": Role.VICE_CHAIR,
    "uy vien thuong truc": Role.STANDING_MEMBER,
    "uy vien ban thuong truc": Role.STANDING_MEMBER,
    "uy vien": Role.COMMITTEE_MEMBER,
    "uy vien uy ban": Role.COMMITTEE_MEMBER,
    "can bo chuyen trach": Role.CADRE,
    "truong ban cong tac mat tran": Role.AREA_HEAD,
    "truong ban ctmt": Role.AREA_HEAD,
    "pho truong ban cong tac mat tran": Role.AREA_DEPUTY,
    "pho truong ban ctmt": Role.AREA_DEPUTY,
    "thanh vien ban cong tac mat tran": Role.AREA_MEMBER,
    "thanh vien ban ctmt": Role.AREA_MEMBER,
    "truong ban ttnd": Role.INSPECTION_HEAD,
    "thanh vien ban ttnd": Role.INSPECTION_MEMBER,
    "truong ban gsdtcd": Role.SUPERVISION_HEAD,
    "thanh vien ban gsdtcd": Role.SUPERVISION_MEMBER,
    "cong tac vien": Role.COLLABORATOR,
}
AREA_WORDS = {
    "truong ban": Role.AREA_HEAD,
    "pho truong ban": Role.AREA_DEPUTY,
    "thanh vien": Role.AREA_MEMBER,
    "uy vien": Role.AREA_MEMBER,
}


def role_of(text: str, tier: str | None) -> str | None:
    key = fold(text).rstrip(".")
    if tier == Tier.AREA and key in AREA_WORDS:
        return AREA_WORDS[key]
    return ROLE_WORDS.get(key)
