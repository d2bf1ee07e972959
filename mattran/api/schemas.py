"""What the API reads and writes, as pydantic schemas (they make the OpenAPI document)."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from ninja import Field, Schema

MAX_ID = 2_147_483_647
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
UnitCode = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[-a-zA-Z0-9_]+$")]
PeriodCode = Annotated[
    str,
    Field(
        min_length=4,
        max_length=16,
        pattern=r"^\d{4}(-(\d{1,2}|[HhSs][12]|\d{4}))?$",
        description="2024-08 (tháng), 2024-H1 (6 tháng), 2024 (năm), 2024-2029 (nhiệm kỳ)",
    ),
]
Text = Annotated[str, Field(max_length=2000, pattern=r"^[^\x00]*$")]
Number = Annotated[
    Decimal, Field(ge=Decimal("-1e15"), le=Decimal("1e15"), decimal_places=4, allow_inf_nan=False)
]
JsonNumber = int | float | None


def json_number(value: Decimal | None) -> JsonNumber:
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral() else float(value.normalize())


class ErrorOut(Schema):
    code: str = Field(description="Mã lỗi ổn định, ví dụ not_found, invalid_request")
    message: str = Field(description="Thông báo lỗi bằng tiếng Việt")
    details: Any = None


class UnitOut(Schema):
    code: str
    name: str
    kind: str
    kind_label: str
    tier: str
    parent: str | None
    depth: int
    valid_from: date | None
    valid_to: date | None


class UnitPage(Schema):
    count: int
    page: int
    page_size: int
    items: list[UnitOut]


class TargetOut(Schema):
    year: int
    expression: str
    display: str
    kind: str


class IndicatorOut(Schema):
    id: int
    code: str
    text: str
    area: str
    measure_unit: str
    value_type: str
    aggregation: str
    cumulative: bool
    reported_by: str
    frequency: str
    automatic: bool
    targets: list[TargetOut]


class ProgrammeOut(Schema):
    id: int
    title: str
    number: str
    unit: str
    unit_name: str
    first_year: int
    last_year: int
    issued_on: date | None


class PeriodOut(Schema):
    code: str
    kind: str
    label: str
    start: date
    end: date


class PeriodPage(Schema):
    count: int
    page: int
    page_size: int
    items: list[PeriodOut]


class DataValueOut(Schema):
    id: int
    indicator: int
    indicator_code: str
    unit: str
    period: str
    number: JsonNumber
    numerator: JsonNumber
    denominator: JsonNumber
    boolean: bool | None
    rating: int | None
    display: str
    note: str
    version: int
    updated_at: datetime


class DataValuePage(Schema):
    count: int
    page: int
    page_size: int
    items: list[DataValueOut]


class DataValueIn(Schema):
    unit: UnitCode
    indicator: Id
    period: PeriodCode
    number: Number | None = None
    numerator: Number | None = None
    denominator: Number | None = None
    boolean: bool | None = None
    rating: Annotated[int, Field(ge=0, le=100)] | None = None
    note: Text = ""


class DataValuesIn(Schema):
    values: list[DataValueIn] = Field(min_length=1, max_length=1000)


class SavedOut(Schema):
    saved: int
    values: list[DataValueOut]


class SubmissionOut(Schema):
    id: int
    programme: int
    unit: str
    period: str
    status: str
    status_label: str
    submitted_at: datetime | None
    decided_at: datetime | None
    return_reason: str


class SubmissionPage(Schema):
    count: int
    page: int
    page_size: int
    items: list[SubmissionOut]


class ActivityOut(Schema):
    id: int
    unit: str
    type: str
    type_name: str
    date: date
    title: str
    description: str
    link: str
    amount: JsonNumber
    quantity: int | None
    interactions: int | None


class ActivityPage(Schema):
    count: int
    page: int
    page_size: int
    items: list[ActivityOut]


class ProgressRow(Schema):
    code: str
    text: str
    area: str
    measure_unit: str
    target: str
    actual: JsonNumber
    actual_display: str
    percent: JsonNumber
    status: str
    status_label: str
    units_reporting: int | None
    units_total: int | None


class ProgressOut(Schema):
    unit: str
    year: int
    programme: int
    programme_title: str
    as_of: date
    indicators: list[ProgressRow]


ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 429: ErrorOut}
Page = Annotated[int, Field(ge=1, le=100_000, description="Trang (từ 1)")]
PageSize = Annotated[int, Field(ge=1, le=200, description="Số dòng mỗi trang (tối đa 200)")]
SearchText = Annotated[str | None, Field(max_length=100, pattern=r"^[^\x00]*$")]


# Writes of submissions and activities (api/workflow.py).
ActivityTypeCode = Annotated[
    str,
    Field(
        min_length=1,
        max_length=32,
        pattern=r"^[-a-zA-Z0-9_]+$",
        description="Mã loại hoạt động, ví dụ supervision",
    ),
]
Title = Annotated[str, Field(min_length=1, max_length=500, pattern=r"^[^\x00]*$")]
Link = Annotated[str, Field(max_length=500, pattern=r"^[^\x00]*$")]
Amount = Annotated[Decimal, Field(ge=0, le=Decimal("1e15"), decimal_places=0, allow_inf_nan=False)]
Count = Annotated[int, Field(ge=0, le=MAX_ID)]
Day = date  # a field named "date" must not shadow its own type


class SubmitIn(Schema):
    unit: UnitCode
    period: PeriodCode
    programme: Id | None = Field(None, description="Mã số chương trình (mặc định: như trang)")


class ReturnIn(Schema):
    reason: Text = Field(description="Lý do trả lại, để đơn vị biết cần sửa gì")


class ActivityIn(Schema):
    unit: UnitCode
    type: ActivityTypeCode
    date: Day
    title: Title
    description: Text = ""
    link: Link = ""
    amount: Amount | None = None
    quantity: Count | None = None
    interactions: Count | None = None


class ActivityChange(Schema):
    """Only the fields sent are changed."""

    type: ActivityTypeCode | None = None
    date: Day | None = None
    title: Title | None = None
    description: Text | None = None
    link: Link | None = None
    amount: Amount | None = None
    quantity: Count | None = None
    interactions: Count | None = None
