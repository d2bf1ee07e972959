"""The four kinds of record and the rows each carries, named once for services and views.

URLs name a kind by its slug (`units/<code>/voice/supervisions/…`), its rows by theirs
(`…/supervisions/5/recommendations/12/`)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models

from mattran.voice.models import (
    Commitment,
    CritiqueComment,
    CritiqueConference,
    Dialogue,
    DialogueIssue,
    Petition,
    Recommendation,
    Supervision,
    VoterMeeting,
)


@dataclass(frozen=True)
class ItemKind:
    """Rows hanging on a record: recommendations, comments, issues, commitments, petitions."""

    slug: str
    model: type[models.Model]
    parent_field: str
    fields: tuple[str, ...]
    label: str  # one row, in a sentence: "kiến nghị"
    plural: str  # a heading: "Kiến nghị sau giám sát"
    personal: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecordKind:
    slug: str
    model: type[models.Model]
    fields: tuple[str, ...]
    label: str  # "cuộc giám sát"
    plural: str  # "Giám sát"
    type_codes: tuple[str, ...]  # the activity types a record of this kind may count as
    items: tuple[ItemKind, ...] = ()
    prepare: Callable | None = field(default=None, compare=False)

    def item(self, slug: str) -> ItemKind | None:
        return next((i for i in self.items if i.slug == slug), None)


def _critique_title(conference: CritiqueConference) -> None:
    draft = conference.document_title.strip()
    draft = draft[:1].lower() + draft[1:]
    conference.title = f"Hội nghị phản biện xã hội đối với {draft}"[:500]


SUPERVISIONS = RecordKind(
    slug="supervisions",
    model=Supervision,
    fields=(
        "kind",
        "title",
        "subject",
        "started_on",
        "ended_on",
        "members",
        "conclusions",
        "link",
        "note",
    ),
    label="cuộc giám sát",
    plural="Giám sát",
    type_codes=("supervision", "supervision_regular"),
    items=(
        ItemKind(
            slug="recommendations",
            model=Recommendation,
            parent_field="supervision",
            fields=("text", "addressed_to", "status", "response", "responded_on"),
            label="kiến nghị sau giám sát",
            plural="Kiến nghị sau giám sát và kết quả thực hiện",
        ),
    ),
)
CRITIQUES = RecordKind(
    slug="critiques",
    model=CritiqueConference,
    fields=(
        "document_title",
        "document_number",
        "drafting_body",
        "held_on",
        "participants",
        "response",
        "responded_on",
        "link",
        "note",
    ),
    label="hội nghị phản biện xã hội",
    plural="Phản biện xã hội",
    type_codes=("critique",),
    items=(
        ItemKind(
            slug="comments",
            model=CritiqueComment,
            parent_field="conference",
            fields=("text", "commenter", "uptake"),
            label="ý kiến phản biện",
            plural="Ý kiến góp ý, phản biện",
        ),
    ),
    prepare=_critique_title,
)
DIALOGUES = RecordKind(
    slug="dialogues",
    model=Dialogue,
    fields=(
        "kind",
        "title",
        "held_on",
        "place",
        "hosts",
        "participants",
        "attendees",
        "link",
        "note",
    ),
    label="diễn đàn, hội nghị đối thoại",
    plural="Diễn đàn, đối thoại",
    type_codes=("forum", "dialogue"),
    items=(
        ItemKind(
            slug="issues",
            model=DialogueIssue,
            parent_field="dialogue",
            fields=("text", "raised_by", "answer"),
            label="ý kiến của Nhân dân",
            plural="Ý kiến, vấn đề Nhân dân nêu",
        ),
        ItemKind(
            slug="commitments",
            model=Commitment,
            parent_field="dialogue",
            fields=("text", "responsible", "due_on", "status", "follow_up", "checked_on"),
            label="cam kết",
            plural="Cam kết và kết quả theo dõi",
        ),
    ),
)
MEETINGS = RecordKind(
    slug="meetings",
    model=VoterMeeting,
    fields=(
        "title",
        "level",
        "session",
        "held_on",
        "place",
        "delegates",
        "attendees",
        "link",
        "note",
    ),
    label="hội nghị tiếp xúc cử tri",
    plural="Tiếp xúc cử tri",
    type_codes=("voter_meeting",),
    items=(
        ItemKind(
            slug="petitions",
            model=Petition,
            parent_field="meeting",
            fields=(
                "content",
                "field",
                "citizen_name",
                "citizen_contact",
                "forwarded_to",
                "forwarded_on",
                "deadline",
                "response",
                "responded_on",
                "satisfied",
            ),
            label="kiến nghị của cử tri",
            plural="Kiến nghị của cử tri",
            personal=("citizen_name", "citizen_contact"),
        ),
    ),
)

KINDS: dict[str, RecordKind] = {k.slug: k for k in (SUPERVISIONS, CRITIQUES, DIALOGUES, MEETINGS)}
ITEM_SLUGS = sorted({i.slug for k in KINDS.values() for i in k.items})


def kind_of_model(model: type[models.Model]) -> RecordKind:
    return next(k for k in KINDS.values() if k.model is model)
