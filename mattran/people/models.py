"""The Front's people: who they are, the positions they hold over time, the courses they
attended, and the indicators counted from them."""

from django.conf import settings
from django.db import models

from mattran.people.search import fold
from mattran.units.models import Tier


class Gender(models.TextChoices):
    MALE = "male", "Nam"
    FEMALE = "female", "Nữ"


class Person(models.Model):
    """Một cán bộ, ủy viên, thành viên ban hoặc cộng tác viên của Mặt trận.

    `unit` is the unit that keeps the person's record (where they live and work for the
    Front); the contact fields are shown only to that unit and the units above it."""

    full_name = models.CharField("họ và tên", max_length=128)
    search_name = models.CharField(max_length=128, editable=False, db_index=True, default="")
    gender = models.CharField("giới tính", max_length=8, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField("năm sinh", null=True, blank=True)
    ethnicity = models.CharField("dân tộc", max_length=64, blank=True)
    phone = models.CharField("số điện thoại", max_length=20, blank=True)
    email = models.EmailField("thư điện tử", blank=True)
    address = models.CharField("địa chỉ", max_length=255, blank=True)
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name="đơn vị quản lý",
        on_delete=models.CASCADE,
        related_name="front_people",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "cán bộ, ủy viên"
        verbose_name_plural = "cán bộ, ủy viên"
        ordering = ["search_name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(birth_year__isnull=True)
                | models.Q(birth_year__gte=1900, birth_year__lte=2100),
                name="person_birth_year_range",
                violation_error_message="Năm sinh phải từ 1900 đến 2100.",
            ),
        ]

    def __str__(self) -> str:
        # Audit entries keep this text: the name only, never contact data.
        return self.full_name

    def save(self, *args, **kwargs):
        self.search_name = fold(self.full_name)[:128]
        super().save(*args, **kwargs)


class Role(models.TextChoices):
    CHAIR = "chair", "Chủ tịch Ủy ban MTTQ"
    VICE_CHAIR = "vice_chair", "Phó Chủ tịch Ủy ban MTTQ"
    STANDING_MEMBER = "standing_member", "Ủy viên Ban Thường trực"
    COMMITTEE_MEMBER = "committee_member", "Ủy viên Ủy ban MTTQ"
    CADRE = "cadre", "Cán bộ chuyên trách"
    AREA_HEAD = "area_head", "Trưởng ban Công tác Mặt trận khu dân cư"
    AREA_DEPUTY = "area_deputy", "Phó Trưởng ban Công tác Mặt trận khu dân cư"
    AREA_MEMBER = "area_member", "Thành viên Ban Công tác Mặt trận khu dân cư"
    INSPECTION_HEAD = "inspection_head", "Trưởng ban Thanh tra Nhân dân"
    INSPECTION_MEMBER = "inspection_member", "Thành viên Ban Thanh tra Nhân dân"
    SUPERVISION_HEAD = "supervision_head", "Trưởng ban Giám sát đầu tư của cộng đồng"
    SUPERVISION_MEMBER = "supervision_member", "Thành viên Ban Giám sát đầu tư của cộng đồng"
    COLLABORATOR = "collaborator", "Cộng tác viên nắm bắt dư luận xã hội"


class Board(models.TextChoices):
    """The bodies a position belongs to, by which lists are filtered and counted."""

    COMMITTEE = "committee", "Ủy ban MTTQ"
    CADRES = "cadres", "Cán bộ chuyên trách"
    AREA = "area", "Ban Công tác Mặt trận khu dân cư"
    INSPECTION = "inspection", "Ban Thanh tra Nhân dân"
    SUPERVISION = "supervision", "Ban Giám sát đầu tư của cộng đồng"
    COLLABORATORS = "collaborators", "Cộng tác viên dư luận xã hội"


BOARD_ROLES = {
    Board.COMMITTEE: (Role.CHAIR, Role.VICE_CHAIR, Role.STANDING_MEMBER, Role.COMMITTEE_MEMBER),
    Board.CADRES: (Role.CADRE,),
    Board.AREA: (Role.AREA_HEAD, Role.AREA_DEPUTY, Role.AREA_MEMBER),
    Board.INSPECTION: (Role.INSPECTION_HEAD, Role.INSPECTION_MEMBER),
    Board.SUPERVISION: (Role.SUPERVISION_HEAD, Role.SUPERVISION_MEMBER),
    Board.COLLABORATORS: (Role.COLLABORATOR,),
}
BOARD_OF_ROLE = {role: board for board, roles in BOARD_ROLES.items() for role in roles}

COMMITTEE_TIERS = (Tier.PROVINCE, Tier.DISTRICT, Tier.COMMUNE)
# Where each body sits: committees and their cadres at every level, the area boards in a
# residential area, the inspection and supervision boards in a commune or ward.
ROLE_TIERS = {
    **dict.fromkeys(BOARD_ROLES[Board.COMMITTEE] + BOARD_ROLES[Board.CADRES], COMMITTEE_TIERS),
    **dict.fromkeys(BOARD_ROLES[Board.AREA], (Tier.AREA,)),
    **dict.fromkeys(
        BOARD_ROLES[Board.INSPECTION] + BOARD_ROLES[Board.SUPERVISION], (Tier.COMMUNE,)
    ),
    Role.COLLABORATOR: (*COMMITTEE_TIERS, Tier.AREA),
}


class Position(models.Model):
    """A position one person holds in one unit from a date, until a date or still."""

    person = models.ForeignKey(
        Person, verbose_name="người", on_delete=models.CASCADE, related_name="positions"
    )
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name="đơn vị",
        on_delete=models.CASCADE,
        related_name="front_positions",
    )
    role = models.CharField("chức vụ, vai trò", max_length=32, choices=Role.choices)
    sector = models.CharField(
        "đại diện cho",
        max_length=255,
        blank=True,
        help_text="Giới, lĩnh vực hoặc tổ chức mà ủy viên đại diện, ví dụ: Hội Nông dân, "
        "tôn giáo, doanh nghiệp, nhân sĩ trí thức.",
    )
    represents = models.ForeignKey(
        "units.Unit",
        verbose_name="tổ chức thành viên",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    start = models.DateField("từ ngày")
    end = models.DateField("đến ngày", null=True, blank=True)
    note = models.CharField("ghi chú", max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "chức vụ"
        verbose_name_plural = "chức vụ"
        ordering = ["-start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="position_end_after_start",
                violation_error_message="Ngày thôi giữ chức vụ không được trước ngày bắt đầu.",
            ),
            models.UniqueConstraint(
                fields=["person", "unit", "role", "start"],
                name="position_unique_start",
                violation_error_message="Người này đã có chức vụ này tại đơn vị từ ngày đó.",
            ),
        ]
        indexes = [models.Index(fields=["role", "start"])]

    def __str__(self) -> str:
        return f"{self.get_role_display()} — {self.unit}"

    @property
    def board(self) -> str:
        return BOARD_OF_ROLE[self.role]

    def holds_on(self, day) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


class CourseLevel(models.TextChoices):
    COMMUNE = "commune", "Cấp xã"
    DISTRICT = "district", "Cấp huyện, thành phố"
    PROVINCE = "province", "Cấp tỉnh"
    CENTRAL = "central", "Trung ương"


class CourseKind(models.TextChoices):
    """What a course counts for: the programme's area V names two kinds of training."""

    FRONT_WORK = "front_work", "Bồi dưỡng kiến thức, kỹ năng công tác Mặt trận"
    PROFESSIONAL = "professional", "Bồi dưỡng chuyên môn, nghiệp vụ công tác Mặt trận"
    OTHER = "other", "Tập huấn, hội nghị khác"


class Course(models.Model):
    """Một lớp bồi dưỡng, tập huấn: who organised it, when, at what level, about what."""

    title = models.CharField("tên lớp", max_length=255)
    organiser = models.ForeignKey(
        "units.Unit",
        verbose_name="đơn vị tổ chức",
        on_delete=models.CASCADE,
        related_name="courses",
    )
    start_date = models.DateField("từ ngày")
    end_date = models.DateField("đến ngày")
    level = models.CharField("cấp tổ chức", max_length=16, choices=CourseLevel.choices)
    kind = models.CharField(
        "loại lớp", max_length=16, choices=CourseKind.choices, default=CourseKind.FRONT_WORK
    )
    content = models.TextField("nội dung", blank=True)
    place = models.CharField("địa điểm", max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "lớp bồi dưỡng"
        verbose_name_plural = "lớp bồi dưỡng"
        ordering = ["-start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="course_end_after_start",
                violation_error_message="Ngày kết thúc lớp không được trước ngày khai giảng.",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Attendance(models.Model):
    """A person's place in a course: whether they completed it, their certificate."""

    course = models.ForeignKey(
        Course, verbose_name="lớp", on_delete=models.CASCADE, related_name="attendances"
    )
    person = models.ForeignKey(
        Person, verbose_name="học viên", on_delete=models.CASCADE, related_name="attendances"
    )
    completed = models.BooleanField("hoàn thành", default=True)
    certificate = models.CharField("giấy chứng nhận", max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "học viên"
        verbose_name_plural = "học viên"
        ordering = ["course", "person__search_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "person"],
                name="attendance_once_per_course",
                violation_error_message="Người này đã có trong danh sách học viên của lớp.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.course}"


class Measure(models.TextChoices):
    """How a linked indicator is counted: the population and what counts as trained."""

    FRONT_TRAINING = (
        "front_training",
        "Cán bộ Mặt trận cấp xã (Ban Thường trực, cán bộ chuyên trách) và Trưởng ban Công tác "
        "Mặt trận khu dân cư được bồi dưỡng công tác Mặt trận ít nhất 01 lần từ đầu nhiệm kỳ",
    )
    PROFESSIONAL_TRAINING = (
        "professional_training",
        "Cán bộ Mặt trận cấp xã (Ban Thường trực, cán bộ chuyên trách) được bồi dưỡng chuyên "
        "môn, nghiệp vụ từ đầu nhiệm kỳ",
    )


class PeopleIndicatorLink(models.Model):
    """An indicator whose figure is counted from the people and their training (V.1, V.2):
    computed, never typed."""

    indicator = models.OneToOneField(
        "programmes.Indicator",
        verbose_name="chỉ tiêu",
        on_delete=models.CASCADE,
        related_name="people_link",
    )
    measure = models.CharField("cách tính", max_length=32, choices=Measure.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "chỉ tiêu tính từ danh sách cán bộ, bồi dưỡng"
        verbose_name_plural = "chỉ tiêu tính từ danh sách cán bộ, bồi dưỡng"

    def __str__(self) -> str:
        return f"{self.indicator.code} tính từ danh sách cán bộ và lớp bồi dưỡng"
