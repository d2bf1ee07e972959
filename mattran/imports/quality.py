"""How well the structure extractor reads documents: precision and recall of indicators,
yearly targets, tasks with owners, deadlines and references against expected results
written by hand (imports/tests/expected/*.json)."""

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from mattran.programmes.targets import Kind, parse_target

CATEGORIES = ("indicators", "targets", "tasks", "deadlines", "references", "counts")


@dataclass
class Score:
    found: int = 0
    expected: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    def add(self, other: "Score") -> None:
        self.found += other.found
        self.expected += other.expected
        self.matched += other.matched


def _key(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "").lower()
    return " ".join(re.sub(r"[^\w%/]+", " ", text).split())


def same_text(a: str, b: str) -> bool:
    a, b = _key(a)[:80], _key(b)[:80]
    if not a or not b:
        return False
    short = min(len(a), len(b))
    return a[:short] == b[:short] or SequenceMatcher(None, a, b).ratio() >= 0.85


def same_target(a: str, b: str) -> bool:
    x, y = parse_target(a), parse_target(b)
    if x.kind != y.kind:
        return False
    if x.kind == Kind.NUMERIC:
        return (x.op, x.value, x.upper, x.total, x.percent) == (
            y.op,
            y.value,
            y.upper,
            y.total,
            y.percent,
        )
    return _key(x.display()) == _key(y.display())


def _match(found: list, expected: list, same) -> Score:
    left = list(expected)
    matched = 0
    for item in found:
        hit = next((i for i, e in enumerate(left) if same(item, e)), None)
        if hit is not None:
            matched += 1
            left.pop(hit)
    return Score(len(found), len(expected), matched)


def _owned(tasks: list[dict]) -> list[dict]:
    return [t for t in tasks if t.get("owner")]


def _targets(indicators: list[dict]) -> list[tuple[str, str, str]]:
    return [(i["text"], str(y), t) for i in indicators for y, t in i["targets"].items() if t]


def score(found: dict, expected: dict) -> dict[str, Score]:
    """Scores per category of one extracted document (`ExtractedDocument.as_dict()` plus its
    flat `indicators` and `tasks`) against its expected fixture."""
    return {
        "indicators": _match(
            found["indicators"],
            expected["indicators"],
            lambda a, b: same_text(a["text"], b["text"]),
        ),
        "targets": _match(
            _targets(found["indicators"]),
            _targets(expected["indicators"]),
            lambda a, b: a[1] == b[1] and same_text(a[0], b[0]) and same_target(a[2], b[2]),
        ),
        "tasks": _match(
            _owned(found["tasks"]),
            _owned(expected["tasks"]),
            lambda a, b: same_text(a["owner"], b["owner"]) and same_text(a["text"], b["text"]),
        ),
        "deadlines": _match(
            found["deadlines"], expected["deadlines"], lambda a, b: a["date"] == b["date"]
        ),
        "references": _match(
            found["references"],
            expected["references"],
            lambda a, b: a["number"] == b["number"] and (not b["date"] or a["date"] == b["date"]),
        ),
        "counts": _match(
            found["counts"],
            expected["counts"],
            lambda a, b: a["count"] == b["count"] and a.get("footnote") == b.get("footnote"),
        ),
    }


def flat(document) -> dict:
    data = document.as_dict()
    data["indicators"] = document.indicators
    data["tasks"] = document.tasks
    return data
