"""Which rows of which model belong to a committee's archive: one declaration per model.

Every concrete model of a `mattran.*` app (many-to-many tables included) is either declared
in RULES or listed in EXCLUDED with the reason; `tests/test_registry.py` fails otherwise, so
a new app cannot be left out of the backups without someone deciding it.

A row is *owned* when it belongs to the exported units (through any of the rule's `reach`
lookups, each ending at a `Unit`); owned rows must not exist yet where the archive is
imported. Everything else the archive needs to stand alone — the ancestors of the exported
units, the programmes that cover them, reference data, the rows their foreign keys point at —
travels as a *reference*: imported when missing, checked to be identical when present.
"""

from dataclasses import dataclass, field
from enum import Enum

from django.apps import apps
from django.core import serializers
from django.db import models


class Kind(Enum):
    UNIT_TREE = "unit_tree"  # the units themselves: subtree, predecessors, ancestors
    BY_UNIT = "by_unit"  # rows reaching a unit through a lookup
    SHARED = "shared"  # reference data of the whole installation: every row, as a reference
    AUDIT = "audit"  # audit entries about owned rows or by owned users


@dataclass(frozen=True)
class Rule:
    kind: Kind
    reach: tuple[str, ...] = ()
    # Rows reached through the exported units' ancestors come too, as references (a ward's
    # figures mean nothing without the city's programme and its deadlines).
    covering: bool = False
    # The whole row is personal data (Nghị định 13/2023): left out unless asked for.
    personal: bool = False
    # Fields holding personal data, blanked unless personal data is asked for.
    personal_fields: tuple[str, ...] = ()
    # A row pulled in only as a reference (a user of another unit who approved a report)
    # keeps these fields, the first saying who it is; the others get `stub_values` or their
    # defaults, so no password or contact of someone outside the archive travels in it.
    stub_keep: tuple[str, ...] = ()
    stub_values: dict = field(default_factory=dict)
    # Binary field -> the field holding the file's name, for the member's name in files/.
    file_names: dict[str, str] = field(default_factory=dict)
    # The Vietnamese name shown in counts, where the model's verbose name is not one.
    label: str = ""


def by_unit(*reach: str, **options) -> Rule:
    return Rule(Kind.BY_UNIT, reach=reach, **options)


SHARED = Rule(Kind.SHARED)

RULES: dict[str, Rule] = {
    # units, accounts, audit
    "units.unit": Rule(Kind.UNIT_TREE),
    "units.unitsuccession": by_unit("successor"),
    "accounts.user": by_unit(
        "unit",
        stub_keep=("username", "first_name", "last_name", "unit", "role", "date_joined"),
        stub_values={"password": "!", "is_active": False},  # "!": no password can match
    ),
    "audit.auditentry": Rule(Kind.AUDIT),
    "api.apitoken": by_unit("user__unit"),
    # programmes and figures
    "programmes.programme": by_unit("unit", covering=True),
    "programmes.contentarea": by_unit("programme__unit", covering=True),
    "programmes.areaitem": by_unit("area__programme__unit", covering=True),
    "programmes.indicator": by_unit("programme__unit", covering=True),
    "programmes.target": by_unit("indicator__programme__unit", covering=True),
    "reporting.period": SHARED,
    "reporting.datavalue": by_unit("unit"),
    "reporting.reportingschedule": by_unit("unit", covering=True),
    "reporting.submission": by_unit("unit"),
    "reporting.submissionevent": by_unit("submission__unit", label="bước xử lý báo cáo"),
    # activities
    "activities.activitytype": SHARED,
    "activities.activitytype_feeds": by_unit(
        "indicator__programme__unit", covering=True, label="loại hoạt động tính vào chỉ tiêu"
    ),
    "activities.activity": by_unit("unit"),
    # plans, emulation, reminders
    "plans.nationalcriterion": SHARED,
    "plans.plan": by_unit("unit"),
    "plans.plansection": by_unit("plan__unit"),
    "plans.plansection_criteria": by_unit(
        "plansection__plan__unit", label="nội dung kế hoạch gắn tiêu chí quốc gia"
    ),
    "plans.task": by_unit("plan__unit"),
    "plans.taskassignment": by_unit("unit", "task__plan__unit"),
    "plans.progressreport": by_unit(
        "assignment__unit",
        "assignment__task__plan__unit",
        file_names={"evidence_data": "evidence_name"},
    ),
    "plans.plandeadline": by_unit("plan__unit"),
    "emulation.movement": by_unit("organiser"),
    "emulation.criterion": by_unit("movement__organiser"),
    "emulation.participation": by_unit("unit", "movement__organiser"),
    "emulation.score": by_unit(
        "participation__unit",
        "participation__movement__organiser",
        file_names={"evidence_data": "evidence_name"},
    ),
    "reminders.reminder": by_unit("user__unit"),
    # documents and imports
    "documents.documentstyle": by_unit("unit"),
    "documents.report": by_unit("unit"),
    "documents.generatedfile": by_unit("unit", file_names={"data": "name"}),
    "imports.importjob": by_unit("unit", file_names={"data": "filename"}),
    # households and solidarity houses: names, addresses, phones, photos of homes
    "households.household": by_unit("unit", personal=True),
    "households.householdstatus": by_unit("household__unit", personal=True),
    "households.support": by_unit("household__unit", personal=True),
    "households.personaldatagrant": by_unit("unit"),
    "households.householdaccess": by_unit("unit", "household__unit", personal=True),
    "households.approvaldecision": by_unit("unit"),
    "households.approvallistentry": by_unit("decision__unit", "household__unit", personal=True),
    "households.solidarityhouse": by_unit("household__unit", personal=True),
    "households.fundingsource": by_unit("house__household__unit", personal=True),
    "households.housephoto": by_unit(
        "house__household__unit", personal=True, file_names={"data": "name"}
    ),
    "households.housingindicatorlink": by_unit("indicator__programme__unit", covering=True),
    # funds and relief stores
    "funds.fund": by_unit("unit"),
    "funds.entry": by_unit("fund__unit", personal_fields=("beneficiary", "reference")),
    "funds.store": by_unit("unit"),
    "funds.item": SHARED,
    "funds.stockreceipt": by_unit("store__unit"),
    "funds.stockreceiptline": by_unit("receipt__store__unit"),
    "funds.issueslip": by_unit("store__unit", personal_fields=("recipient",)),
    "funds.issueline": by_unit("slip__store__unit"),
    # the people's voice
    "voice.votermeeting": by_unit("unit"),
    "voice.petition": by_unit("meeting__unit", personal_fields=("citizen_name", "citizen_contact")),
    "voice.petitionaccessgrant": by_unit("unit"),
    "voice.supervision": by_unit("unit"),
    "voice.recommendation": by_unit("supervision__unit"),
    "voice.critiqueconference": by_unit("unit"),
    "voice.critiquecomment": by_unit("conference__unit"),
    "voice.dialogue": by_unit("unit"),
    "voice.dialogueissue": by_unit("dialogue__unit"),
    "voice.commitment": by_unit("dialogue__unit"),
    "voice.survey": by_unit("unit"),
    "voice.question": by_unit("survey__unit"),
    "voice.response": by_unit("survey__unit", "area"),
    "voice.answer": by_unit("response__survey__unit"),
    # the Front's people and its boards
    "people.person": by_unit(
        "unit", personal_fields=("birth_year", "ethnicity", "phone", "email", "address")
    ),
    "people.position": by_unit("unit", "person__unit"),
    "people.course": by_unit("organiser"),
    "people.attendance": by_unit("person__unit", "course__organiser"),
    "people.peopleindicatorlink": by_unit("indicator__programme__unit", covering=True),
    "boards.yearlyrating": by_unit("unit"),
    "boards.inspectioncase": by_unit("unit"),
    "boards.investmentproject": by_unit("unit"),
    "boards.boardindicatorlink": by_unit("indicator__programme__unit", covering=True),
}

EXCLUDED: dict[str, str] = {
    "accounts.user_groups": (
        "Mattran gives rights by role (User.role) and scope; Django's groups are not used, and "
        "their ids differ between databases."
    ),
    "accounts.user_user_permissions": (
        "Per-user Django permissions are not used (roles and accounts.scope decide); "
        "permission ids differ between databases."
    ),
    "analytics.yearaggregate": (
        "Derived data: totals rebuilt from the data values (analytics.aggregates) the first "
        "time a large scope is read after the import."
    ),
    "analytics.aggregatestate": (
        "Derived data: without it every aggregate counts as stale and is rebuilt."
    ),
}


def is_project_model(model: type[models.Model]) -> bool:
    return model._meta.app_config.name.startswith("mattran.")


def project_models() -> list[type[models.Model]]:
    """Every concrete model of a mattran app, many-to-many tables included."""
    return [
        m
        for m in apps.get_models(include_auto_created=True)
        if is_project_model(m) and not m._meta.proxy and m._meta.managed
    ]


def undeclared() -> list[str]:
    return sorted(
        label
        for label in (m._meta.label_lower for m in project_models())
        if label not in RULES and label not in EXCLUDED
    )


def rule_for(model: type[models.Model]) -> Rule:
    return RULES[model._meta.label_lower]


def archived_models() -> list[type[models.Model]]:
    """The declared models in an order that loads targets of foreign keys first where it can
    (Django's `sort_dependencies`; the loader defers constraint checks to the end anyway)."""
    by_app: dict = {}
    for model in project_models():
        if model._meta.label_lower in RULES:
            by_app.setdefault(model._meta.app_config, []).append(model)
    return serializers.sort_dependencies(list(by_app.items()), allow_cycles=True)


def model_label(model: type[models.Model]) -> str:
    """The Vietnamese name of a model's rows, as counts are printed."""
    rule = RULES.get(model._meta.label_lower)
    return (rule.label if rule and rule.label else None) or str(model._meta.verbose_name_plural)
