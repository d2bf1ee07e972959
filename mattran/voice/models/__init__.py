"""The people's voice: supervisions, social critique, forums and dialogues, voter meetings
and their petitions, satisfaction surveys."""

from mattran.voice.models.base import FollowUp, Satisfaction, Uptake, VoiceRecord
from mattran.voice.models.meetings import (
    PERSONAL_FIELDS,
    CouncilLevel,
    Petition,
    PetitionAccessGrant,
    PetitionField,
    PetitionStatus,
    VoterMeeting,
)
from mattran.voice.models.records import (
    Commitment,
    CommitmentStatus,
    CritiqueComment,
    CritiqueConference,
    Dialogue,
    DialogueIssue,
    DialogueKind,
    Recommendation,
    Supervision,
    SupervisionKind,
)
from mattran.voice.models.surveys import (
    THREE_LABELS,
    THREE_LABELS_BY_TEXT,
    Answer,
    Question,
    Response,
    ResponseSource,
    Scale,
    Survey,
    SurveyKind,
)

__all__ = [
    "PERSONAL_FIELDS",
    "THREE_LABELS",
    "THREE_LABELS_BY_TEXT",
    "Answer",
    "Commitment",
    "CommitmentStatus",
    "CouncilLevel",
    "CritiqueComment",
    "CritiqueConference",
    "Dialogue",
    "DialogueIssue",
    "DialogueKind",
    "FollowUp",
    "Petition",
    "PetitionAccessGrant",
    "PetitionField",
    "PetitionStatus",
    "Question",
    "Recommendation",
    "Response",
    "ResponseSource",
    "Satisfaction",
    "Scale",
    "Supervision",
    "SupervisionKind",
    "Survey",
    "SurveyKind",
    "Uptake",
    "VoiceRecord",
    "VoterMeeting",
]
