"""How well the diacritics restorer does on text it never saw, measured and printed.

Each set of documents (the held-out texts in imports/data/heldout/, and the seed documents of
shared/seeds when they are there) is stripped of its marks by us, restored, and compared with
the original token by token. Accuracy counts every alphabetic token (a run of letters and
digits holding at least one letter): the restored token must equal the original exactly.
Neither set is ever used to build the model.
"""

import re
import time
import unicodedata
from pathlib import Path

from mattran.core.numbers import format_number, format_percent
from mattran.imports.diacritics import (
    DATA_DIR,
    get_model,
    restore_diacritics,
    strip_diacritics,
)

HELDOUT_DIR = DATA_DIR / "heldout"
SEEDS_DIR = Path(__file__).resolve().parents[3] / "shared" / "seeds"
_TOKEN = re.compile(r"[^\W_]+")
_KEPT = re.compile(r"[^\W_]+(?:[/\-.][^\W_]+)*")
# OCR-style confusions applied to every fifth token that has the letter: (letters, printed as).
OCR_CONFUSIONS = (("ăằắẳẵặ", "i"), ("ố", "6"), ("ơ", "0"))


def load(directory: Path) -> list[str]:
    return [
        unicodedata.normalize("NFC", p.read_text(encoding="utf-8"))
        for p in sorted(directory.glob("*.txt"))
    ]


def ocr_noise(text: str) -> str:
    """Every fifth token that holds an ă, ố or ơ gets one of them misread (ă→i, ố→6, ơ→0)."""
    seen = 0

    def noisy(match: re.Match) -> str:
        nonlocal seen
        token = match.group()
        for letters, printed in OCR_CONFUSIONS:
            at = next((i for i, c in enumerate(token.lower()) if c in letters), None)
            if at is not None:
                seen += 1
                if seen % 5 == 0:
                    return token[:at] + printed + token[at + 1 :]
                return token
        return token

    return _TOKEN.sub(noisy, text)


def _kept_items(text: str) -> list[tuple[int, str]]:
    """Acronyms, document numbers and signs: what must come back exactly."""
    items = []
    for match in _KEPT.finditer(text):
        piece = match.group()
        letters = [p for p in re.findall(r"[^\W\d_]+", piece)]
        coded = any(c.isdigit() for c in piece) and any(c.isalpha() for c in piece)
        acronym = len(letters) == 1 and piece.isupper() and len(piece) >= 2
        if coded or (acronym and strip_diacritics(piece).lower() not in get_model().skeletons):
            items.append((match.start(), piece))
    return items


def score(originals: list[str], noisy) -> dict:
    """Restore each original after `noisy` and compare with it."""
    total = correct = marked = marked_ok = kept = kept_ok = 0
    syllables = 0
    elapsed = 0.0
    for original in originals:
        damaged = noisy(original)
        started = time.perf_counter()
        restored = restore_diacritics(damaged)
        elapsed += time.perf_counter() - started
        pairs = zip(_TOKEN.finditer(original), _TOKEN.finditer(restored), strict=False)
        for want, got in pairs:
            if not any(c.isalpha() for c in want.group()):
                continue
            total += 1
            ok = want.group() == got.group() and want.start() == got.start()
            correct += ok
            if not want.group().isascii():
                marked += 1
                marked_ok += ok
        syllables += sum(1 for t in _TOKEN.findall(damaged) if any(c.isalpha() for c in t))
        for start, piece in _kept_items(original):
            kept += 1
            kept_ok += restored[start : start + len(piece)] == piece
    return {
        "accuracy": correct / total if total else 1.0,
        "marked_accuracy": marked_ok / marked if marked else 1.0,
        "tokens": total,
        "ms_per_1000": 1000 * elapsed / max(syllables, 1) * 1000,
        "kept": kept,
        "kept_ok": kept_ok,
    }


def _line(stdout, name: str, result: dict) -> None:
    stdout.write(
        f"{name}: độ chính xác {format_percent(result['accuracy'], 2)} "
        f"trên {format_number(result['tokens'])} âm tiết "
        f"({format_percent(result['marked_accuracy'], 2)} trên âm tiết có dấu), "
        f"{result['ms_per_1000']:.0f} ms cho 1.000 âm tiết\n"
    )


def run(stdout) -> dict:
    """Print one line per set and return the figures."""
    started = time.perf_counter()
    get_model()
    stdout.write(f"Mô hình: dựng trong {format_number(time.perf_counter() - started, 2)} s\n")
    results = {}
    sets = [("heldout", load(HELDOUT_DIR))]
    if SEEDS_DIR.is_dir():
        sets.append(("seeds", load(SEEDS_DIR)))
    else:
        stdout.write(f"Bỏ qua bộ seeds: không có thư mục {SEEDS_DIR}\n")
    for name, texts in sets:
        results[name] = score(texts, strip_diacritics)
        _line(stdout, f"Văn bản {name} bỏ dấu", results[name])
        stdout.write(
            f"Văn bản {name}: giữ nguyên {results[name]['kept_ok']}/{results[name]['kept']} "
            "chữ viết tắt, số và ký hiệu văn bản\n"
        )
    results["ocr"] = score(sets[0][1], lambda t: strip_diacritics(ocr_noise(t)))
    _line(stdout, "Văn bản heldout bỏ dấu, nhiễu OCR (ă→i, ố→6, ơ→0)", results["ocr"])
    return results
