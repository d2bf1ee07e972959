"""Precision and recall of the structure extractor on documents whose expected structure
was written by hand: the project's own fixtures, and the seed documents when present."""

import json
import time
from pathlib import Path

from mattran.core.numbers import format_percent
from mattran.imports.diacritics import strip_diacritics
from mattran.imports.extract.document import extract_structure
from mattran.imports.quality import CATEGORIES, Score, flat, score
from mattran.imports.readers import read_document

TESTS = Path(__file__).resolve().parent / "tests"
EXPECTED = TESTS / "expected"
FIXTURES = TESTS / "fixtures"
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def cases() -> list[tuple[str, Path, Path]]:
    """(name, document, expected) pairs that exist on this machine."""
    found = []
    for expected in sorted(EXPECTED.glob("*.json")):
        stem = expected.stem
        fixture = FIXTURES / f"{stem}.txt"
        if fixture.exists():
            found.append((stem, fixture, expected))
        elif SEEDS.is_dir():
            seeds = sorted(SEEDS.glob(f"{stem}_*"))
            if seeds:
                found.append((f"seed {stem}", seeds[0], expected))
    return found


def evaluate(document: Path, expected: Path, *, stripped: bool = False) -> dict[str, Score]:
    """Scores of one document; `stripped`: read as OCR text that lost its diacritics."""
    text = read_document(document.read_bytes(), document.name).text
    if stripped:
        text = strip_diacritics(text)
    return score(flat(extract_structure(text)), json.loads(expected.read_text("utf-8")))


def run(stdout) -> dict[str, Score]:
    totals = {category: Score() for category in CATEGORIES}
    started = time.perf_counter()
    all_cases = cases()
    stripped_totals = {category: Score() for category in CATEGORIES}
    for name, document, expected in all_cases:
        for stripped, sums in ((False, totals), (True, stripped_totals)):
            scores = evaluate(document, expected, stripped=stripped)
            line = "  ".join(
                f"{c} {s.matched}/{s.expected}" for c, s in scores.items() if s.expected or s.found
            )
            label = f"{name} (không dấu)" if stripped else name
            stdout.write(f"{label:<30} {line}")
            for category, value in scores.items():
                sums[category].add(value)
    elapsed = time.perf_counter() - started
    if not SEEDS.is_dir():
        stdout.write(f"(không có {SEEDS}: chỉ đo trên tài liệu mẫu của dự án)")
    _totals(stdout, "Văn bản có dấu", totals)
    _totals(stdout, "Cùng văn bản bỏ hết dấu (như bản OCR mất dấu)", stripped_totals)
    stdout.write(f"{len(all_cases)} văn bản, hai lượt, {elapsed * 1000:.0f} ms")
    return totals


def _totals(stdout, title: str, totals: dict[str, Score]) -> None:
    stdout.write(title)
    for category, total in totals.items():
        stdout.write(
            f"{category:<12} precision {format_percent(total.precision):>6}  "
            f"recall {format_percent(total.recall):>6}  "
            f"(tìm thấy {total.found}, mong đợi {total.expected}, khớp {total.matched})"
        )
