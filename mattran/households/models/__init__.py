"""Poor and near-poor households (hộ nghèo, hộ cận nghèo), the support they receive, and the
solidarity houses (nhà Đại đoàn kết) built or repaired for them.

Names, addresses and phone numbers are personal data under Nghị định 13/2023/NĐ-CP: who may
read them is decided in `households.privacy`, and every read of a household's record is
kept as a `HouseholdAccess`. National ID numbers are never stored.
"""

from mattran.households.models.houses import (
    HOUSE_CHIPS,
    MAX_PHOTO_BYTES,
    MAX_PHOTOS_PER_HOUSE,
    ApprovalDecision,
    ApprovalListEntry,
    FundingKind,
    FundingSource,
    HouseKind,
    HousePhoto,
    HouseStatus,
    HousingIndicatorLink,
    SolidarityHouse,
)
from mattran.households.models.register import (
    STATUS_CHIPS,
    AccessAction,
    Household,
    HouseholdAccess,
    HouseholdStatus,
    PersonalDataGrant,
    PovertyStatus,
    Support,
    SupportKind,
)

__all__ = [
    "HOUSE_CHIPS",
    "MAX_PHOTOS_PER_HOUSE",
    "MAX_PHOTO_BYTES",
    "STATUS_CHIPS",
    "AccessAction",
    "ApprovalDecision",
    "ApprovalListEntry",
    "FundingKind",
    "FundingSource",
    "HouseKind",
    "HousePhoto",
    "HouseStatus",
    "Household",
    "HouseholdAccess",
    "HouseholdStatus",
    "HousingIndicatorLink",
    "PersonalDataGrant",
    "PovertyStatus",
    "SolidarityHouse",
    "Support",
    "SupportKind",
]
