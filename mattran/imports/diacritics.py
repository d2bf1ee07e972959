"""Vietnamese text that lost its diacritics (OCR, old e-mail, SMS), made whole again offline.

`restore_diacritics` finds every plain ASCII token that is the skeleton of Vietnamese syllables
("Viet" for "Việt", "nim" for an OCR-misread "năm", "S6" for "Số"), lists the marked syllables
it may stand for, and picks the most likely sequence per line with a beam search over a
syllable trigram model (interpolated modified Kneser-Ney) built from the text the project ships in
`imports/data/corpus/`. The syllable list is extended with Debian's hunspell-vi dictionary
when it is installed. Acronyms, document numbers and signs, numbers, URLs, e-mail addresses,
punctuation and spacing come back exactly as they were; every token keeps its length and case.
"""

import hashlib
import math
import os
import pickle
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
CORPUS_DIR = DATA_DIR / "corpus"
HUNSPELL_DIC = Path("/usr/share/hunspell/vi_VN.dic")

ORDER = 3
BEAM = 8
MAX_CANDIDATES = 40
OCR_PENALTY = 4.0  # nats for reading a letter or digit as another one
MARKED_CONTEXT_PENALTY = 6.0  # nats for adding marks to a valid plain word in a marked line

# Known acronyms, as written in a stripped text, and their proper forms; the corpus adds more.
ACRONYMS = {
    a.replace("Đ", "D"): a
    for a in [
        *("MTTQ", "UBMTTQ", "UBND", "HĐND", "BTT", "BCH", "BTV", "KDC", "HTX", "CTrPH", "TTr"),
        *("CTr", "NQ", "KH", "QĐ", "TB", "BC", "HD", "CV", "TW", "ĐTVM", "ĐBQH", "NTM"),
        *("LHPN", "CCB", "ĐTN", "LĐLĐ", "NCT", "TP", "TX", "OA", "VN", "VNĐ", "HCM", "CNXH"),
        *("NĐ", "CP", "ĐCT", "LĐTBXH", "TTHĐND", "ĐT", "ĐVT", "BCĐ", "TĐKT", "ĐVTN"),
        *("GDĐT", "KHĐT", "VMĐT", "TTĐT", "ANTT", "ĐBSCL", "ĐCSVN", "HĐNDT"),
    ]
}
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_MARKED_VOWELS = set("ăâêôơư")
_VOWELS = set("aăâeêioôơuưy")
_STRIP = str.maketrans({"đ": "d", "Đ": "D"})
# OCR confusions: what OCR printed -> what the letter may have been (one substitution).
_OCR_LETTERS = {"i": "a", "l": "i", "f": "t", "c": "e"}
_OCR_DIGITS = {"6": "o", "0": "o", "1": "l", "4": "a"}
_SPLIT = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>\"“”]+)"
    r"|(?P<mail>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<chain>[^\W_]+(?:[/\-.@_][^\W_]+)+)"
    r"|(?P<word>[^\W_]+)"
    r"|(?P<space>\s+)"
    r"|(?P<punct>.)",
    re.S,
)
_CHAIN_PART = re.compile(r"[^\W_]+|.", re.S)
_PUNCT = str.maketrans({"“": '"', "”": '"', "'": '"', "‘": '"', "’": '"', "–": "-", "—": "-"})
_ROMAN = re.compile(r"[IVXLC]+")


def strip_diacritics(text: str) -> str:
    """Remove tone and vowel marks (đ→d, Đ→D); every other character stays as it is."""
    return "".join(_stripped(c) for c in text)


@lru_cache(maxsize=4096)
def _stripped(char: str) -> str:
    if char in "đĐ":
        return char.translate(_STRIP)
    decomposed = unicodedata.normalize("NFD", char)
    if not any(_is_mark(c) for c in decomposed):
        return char
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not _is_mark(c)))


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) == "Mn"


def canonical_syllable(syllable: str) -> str:
    """One tone placement for every syllable: "hòa", "khỏe", "thủy", "quý", "người"."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) != 1:
        return unicodedata.normalize("NFC", syllable)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    lower = base.lower()
    start = 0
    if lower.startswith("qu") or (lower.startswith("gi") and any(c in _VOWELS for c in lower[2:])):
        start = 2
    vowels = [i for i in range(start, len(lower)) if lower[i] in _VOWELS]
    if not vowels:
        return unicodedata.normalize("NFC", syllable)
    run = [vowels[0]]
    for i in vowels[1:]:
        if i != run[-1] + 1:
            break
        run.append(i)
    marked = [i for i in run if lower[i] in _MARKED_VOWELS]
    if marked:
        pos = marked[-1]
    elif run[-1] + 1 < len(lower) or len(run) == 1:
        pos = run[-1]
    else:
        pos = run[1] if len(run) == 3 else run[0]
    toned = unicodedata.normalize("NFC", base[pos] + tones[0])
    return base[:pos] + toned + base[pos + 1 :]


def lm_word(token: str) -> str:
    """The model's word for a token: lower-case letters, or a class for numbers and codes."""
    if token.isdigit():
        return "<num>"
    if any(c.isdigit() for c in token):
        return "<code>"
    return unicodedata.normalize("NFC", token).lower()


def _punct_word(char: str) -> str:
    return char.translate(_PUNCT)


# ---------------------------------------------------------------------------------------------
# The language model


@dataclass
class Model:
    counts: list[dict]  # per order k (1..ORDER): ngram tuple -> count (continuation below top)
    context: list[dict]  # per order k: context -> (total count, mass the discounts free)
    discounts: list[tuple]  # per order k: modified Kneser-Ney discounts for 1, 2, 3+
    vocabulary_size: int
    skeletons: dict[str, list[str]]  # plain skeleton -> marked syllables, most frequent first
    known: set[str]  # every valid syllable (lower case), plain ones included
    acronyms: dict[str, str]  # stripped acronym -> its proper form (HDND -> HĐND)
    memo: dict = field(default_factory=dict)

    def context_of(self, history: tuple) -> tuple:
        """The longest tail of `history` the corpus saw as a context (KN backs off to it)."""
        history = history[len(history) - (ORDER - 1) :]
        while history and history not in self.context[len(history) + 1]:
            history = history[1:]
        return history

    def cost(self, history: tuple, word: str) -> float:
        """-log P(word | history)."""
        key = (self.context_of(history), word)
        value = self.memo.get(key)
        if value is None:
            value = -math.log(self._prob(key[0], word))
            if len(self.memo) > 2_000_000:
                self.memo.clear()
            self.memo[key] = value
        return value

    def _prob(self, history: tuple, word: str) -> float:
        """Interpolated modified Kneser-Ney; `history` was seen as a context."""
        k = len(history) + 1
        if k == 1:
            lower = 1.0 / self.vocabulary_size
        else:
            shorter = history[1:]
            while shorter and shorter not in self.context[len(shorter) + 1]:
                shorter = shorter[1:]
            lower = self._prob(shorter, word)
        seen = self.context[k].get(history)
        if seen is None:
            return lower
        total, reserved = seen
        count = self.counts[k].get((*history, word), 0)
        if count:
            count -= self.discounts[k][min(count, 3) - 1]
        return (count + reserved * lower) / total


def _sentences(text: str):
    """The model's words of each line of a training text."""
    for line in text.splitlines():
        words = [w for _kind, _text, w in _line_words(line)]
        if words:
            yield words


def _line_words(line: str):
    for match in _SPLIT.finditer(line):
        kind, piece = match.lastgroup, match.group()
        if kind in ("url", "mail"):
            yield kind, piece, "<code>"
        elif kind == "chain" and _is_code(piece):
            yield kind, piece, "<num>" if _is_number(piece) else "<code>"
        elif kind == "chain":
            for part in _CHAIN_PART.findall(piece):
                if part[0].isalnum():
                    yield "word", part, lm_word(part)
                else:
                    yield "punct", part, _punct_word(part)
        elif kind == "word":
            yield kind, piece, lm_word(piece)
        elif kind == "punct":
            yield kind, piece, _punct_word(piece)


def _is_number(chain: str) -> bool:
    return not any(c.isalpha() for c in chain)


def _is_code(chain: str) -> bool:
    """A document number or sign (199/KH-MTTQ-BTT), a date, a decimal, an address."""
    if any(c.isdigit() for c in chain) or "@" in chain:
        return True
    parts = re.findall(r"[^\W_]+", chain)
    return "/" in chain and any(p.isupper() and len(p) >= 2 for p in parts)


def _count(sentences) -> tuple[list[dict], list[dict], list[tuple]]:
    top = Counter()
    for words in sentences:
        padded = ["<s>"] * (ORDER - 1) + words + ["</s>"]
        for i in range(ORDER - 1, len(padded)):
            top[tuple(padded[i - ORDER + 1 : i + 1])] += 1
    counts: list[dict] = [{} for _ in range(ORDER + 1)]
    counts[ORDER] = dict(top)
    for k in range(ORDER - 1, 0, -1):
        lower = Counter()
        for gram in counts[k + 1]:
            lower[gram[1:]] += 1  # Kneser-Ney: how many contexts a word follows
        counts[k] = dict(lower)
    contexts: list[dict] = [{} for _ in range(ORDER + 1)]
    discounts: list[tuple] = [(0.0, 0.0, 0.0)] * (ORDER + 1)
    for k in range(1, ORDER + 1):
        discounts[k] = _discounts(Counter(c for c in counts[k].values() if c <= 4))
        totals: dict = defaultdict(lambda: [0, 0.0])
        for gram, count in counts[k].items():
            entry = totals[gram[:-1]]
            entry[0] += count
            entry[1] += discounts[k][min(count, 3) - 1]
        contexts[k] = {ctx: tuple(v) for ctx, v in totals.items()}
    return counts, contexts, discounts


def _discounts(n: Counter) -> tuple[float, float, float]:
    """Modified Kneser-Ney discounts for counts 1, 2 and 3+ (Chen & Goodman)."""
    if not (n[1] and n[2] and n[3] and n[4]):
        return (0.5, 0.75, 0.9)
    y = n[1] / (n[1] + 2 * n[2])
    return (1 - 2 * y * n[2] / n[1], 2 - 3 * y * n[3] / n[2], 3 - 4 * y * n[4] / n[3])


def _is_syllable(word: str) -> bool:
    return word.isalpha() and len(word) <= 7 and bool(_VOWELS & set(strip_diacritics(word)))


def _dictionary_syllables() -> set[str]:
    try:
        lines = HUNSPELL_DIC.read_text(encoding="utf-8").splitlines()[1:]
    except OSError:
        return set()
    found = set()
    for line in lines:
        entry = line.split("/", 1)[0].strip()
        if entry and not (entry.isupper() and len(entry) > 1):
            found.add(canonical_syllable(unicodedata.normalize("NFC", entry).lower()))
    return {s for s in found if _is_syllable(s) and strip_diacritics(s).isascii()}


def _corpus_texts() -> list[tuple[str, str]]:
    files = sorted(CORPUS_DIR.glob("*.txt"))
    return [(f.name, unicodedata.normalize("NFC", f.read_text(encoding="utf-8"))) for f in files]


def build_model(texts: list[str], dictionary: set[str]) -> Model:
    sentences = [words for text in texts for words in _sentences(text)]
    counts, contexts, discounts = _count(sentences)
    frequency = Counter(w for words in sentences for w in words)
    syllables = {canonical_syllable(w) for w in frequency if _is_syllable(w)}
    syllables = {s for s in syllables if strip_diacritics(s).isascii()} | dictionary
    skeletons: dict[str, list[str]] = defaultdict(list)
    for syllable in syllables:
        skeletons[strip_diacritics(syllable)].append(syllable)
    for options in skeletons.values():
        options.sort(key=lambda s: (-frequency.get(s, 0), s))
        del options[MAX_CANDIDATES:]
    acronyms = dict(ACRONYMS)
    for text in texts:
        for token in re.findall(r"[^\W\d_]+", text):
            plain = strip_diacritics(token)
            if token.isupper() and "Đ" in token and plain.lower() not in skeletons:
                acronyms.setdefault(plain, token)
    return Model(
        acronyms=acronyms,
        counts=counts,
        context=contexts,
        discounts=discounts,
        vocabulary_size=len(set(frequency) | syllables) + 1,
        skeletons=dict(skeletons),
        known=syllables,
    )


def _cache_path(key: str) -> Path | None:
    """Where the built model is kept: var/ when Django settings are configured, else nowhere."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        var_dir = getattr(settings, "VAR_DIR", None) if settings.configured else None
    except ImproperlyConfigured:
        return None
    return Path(var_dir) / f"diacritics-{key[:16]}.pickle" if var_dir else None


@lru_cache(maxsize=1)
def get_model() -> Model:
    """The model built from the shipped corpus (and hunspell-vi), cached under var/ if set."""
    texts = _corpus_texts()
    dictionary = _dictionary_syllables()
    digest = hashlib.sha256(Path(__file__).read_bytes())  # the code that builds it, too
    for name, text in texts:
        digest.update(name.encode() + text.encode())
    digest.update("\n".join(sorted(dictionary)).encode())
    path = _cache_path(digest.hexdigest())
    if path is not None and path.exists():
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass
    model = build_model([text for _name, text in texts], dictionary)
    if path is not None:
        try:
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as handle:
                pickle.dump(model, handle, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        except OSError:
            pass
    return model


# ---------------------------------------------------------------------------------------------
# Detecting and restoring


def _has_marks(token: str) -> bool:
    return not token.isascii()


def lacks_diacritics(text: str) -> bool:
    """Vietnamese that lost its marks: most words are known plain skeletons, almost none marked.

    False for marked Vietnamese, English, numbers and strings of fewer than four syllables.
    """
    model = get_model()
    words = [m.group() for m in re.finditer(r"[^\W\d_]+", text or "")]
    if len(words) < 4:
        return False
    marked = sum(1 for w in words if _has_marks(w))
    plain = [w.lower() for w in words if not _has_marks(w)]
    known = [w for w in plain if w in model.skeletons]
    usually_marked = [w for w in known if model.skeletons[w][0] != w]
    return (
        len(known) >= 4
        and marked <= 0.05 * len(words)
        and len(known) >= 0.7 * len(words)
        and len(usually_marked) >= 0.4 * len(known)
    )


def _match_case(template: str, syllable: str) -> str:
    return "".join(
        s.upper() if t.isupper() else s for t, s in zip(template, syllable, strict=False)
    )


def _ocr_variants(token: str, model: Model) -> list[str]:
    """The known skeletons one OCR confusion away: "nim" -> "nam", "s6" -> "so"."""
    lower = token.lower()
    digits = [i for i, c in enumerate(lower) if c.isdigit()]
    if digits and (len(digits) > 1 or len(lower) < 2 or lower[digits[0]] not in _OCR_DIGITS):
        return []
    positions = digits or range(len(lower))
    table = _OCR_DIGITS if digits else _OCR_LETTERS
    variants = []
    for i in positions:
        replacement = table.get(lower[i])
        if replacement:
            candidate = lower[:i] + replacement + lower[i + 1 :]
            if candidate in model.skeletons:
                variants.append(candidate)
    return variants


@dataclass
class _Slot:
    """One token of a line: the words it may be, each with its output text and extra cost."""

    start: int
    end: int
    options: list[tuple[str, str, float]]


def _options(token: str, following: str, upper_line: bool, marked_line: bool, model: Model):
    """The (model word, output, cost) choices for one word token."""
    keep = [(lm_word(token), token, 0.0)]
    if token in model.acronyms:
        return [(lm_word(model.acronyms[token]), model.acronyms[token], 0.0)]
    if not token.isascii() or _is_mark(following[:1] or " "):
        return keep
    lower = token.lower()
    is_label = following[:1] in (".", ")") and (len(token) == 1 or _ROMAN.fullmatch(token))
    if is_label or (token.isupper() and len(token) >= 2 and not upper_line):
        return keep
    if lower in model.skeletons:
        identity_valid = lower in model.known
        penalty = MARKED_CONTEXT_PENALTY if marked_line and identity_valid else 0.0
        return [
            (s, _match_case(token, s), 0.0 if s == lower else penalty)
            for s in model.skeletons[lower]
        ]
    variants = _ocr_variants(token, model)
    if not variants:
        return keep
    options = [(keep[0][0], token, 0.0)]
    for skeleton in variants:
        options += [(s, _match_case(token, s), OCR_PENALTY) for s in model.skeletons[skeleton]]
    return options


def _decode(slots: list[_Slot], model: Model) -> list[str]:
    """The best output of each slot: a beam search over states (the last two words)."""
    beam: dict = {("<s>",) * (ORDER - 1): (0.0, None)}
    memo = model.memo
    for slot in slots:
        extended: dict = {}
        for history, (cost, back) in beam.items():
            context = model.context_of(history)
            for index, (word, _out, extra) in enumerate(slot.options):
                lm = memo.get((context, word))
                if lm is None:
                    lm = model.cost(context, word)
                total = cost + extra + lm
                key = (*history[1:], word)
                best = extended.get(key)
                if best is None or total < best[0]:
                    extended[key] = (total, (index, back))
        if len(extended) > BEAM:
            extended = dict(sorted(extended.items(), key=lambda kv: kv[1][0])[:BEAM])
        beam = extended
    _history, (_cost, back) = min(beam.items(), key=lambda kv: kv[1][0] + model.cost(kv[0], "</s>"))
    chosen: list[int] = []
    while back is not None:
        chosen.append(back[0])
        back = back[1]
    chosen.reverse()
    return [slot.options[i][1] for slot, i in zip(slots, chosen, strict=True)]


def _line_slots(line: str, offset: int, document_marked: bool, model: Model) -> list[_Slot]:
    pieces = [
        (offset + m.start(), offset + m.end(), m.lastgroup, m.group())
        for m in _SPLIT.finditer(line)
    ]
    words = [p for p in pieces if p[2] in ("word", "chain") and any(c.isalpha() for c in p[3])]
    letters = [w[3] for w in words]
    upper = sum(1 for w in letters if w.isupper() and len(w) >= 2)
    upper_line = upper >= 0.6 * len(letters)
    marked = sum(1 for w in letters if _has_marks(w))
    marked_line = marked >= 0.25 * len(letters) if len(letters) >= 3 else document_marked
    slots: list[_Slot] = []
    for start, _end, kind, text in pieces:
        if kind == "space":
            continue
        if kind in ("url", "mail"):
            slots.append(_Slot(start, start + len(text), [("<code>", text, 0.0)]))
        elif kind == "chain" and _is_code(text):
            word = "<num>" if _is_number(text) else "<code>"
            slots.append(_Slot(start, start + len(text), [(word, _code(text, model), 0.0)]))
        elif kind == "punct":
            slots.append(_Slot(start, start + 1, [(_punct_word(text), text, 0.0)]))
        else:
            parts = _CHAIN_PART.finditer(text) if kind == "chain" else [None]
            for part in parts:
                piece = part.group() if part else text
                at = start + (part.start() if part else 0)
                following = line[at - offset + len(piece) :]
                if piece[0].isalnum():
                    options = _options(piece, following, upper_line, marked_line, model)
                else:
                    options = [(_punct_word(piece), piece, 0.0)]
                slots.append(_Slot(at, at + len(piece), options))
    return slots


def _code(chain: str, model: Model) -> str:
    """A document number or sign with its acronyms written properly: NQ-HDND -> NQ-HĐND."""
    runs = ("".join(run) for _alpha, run in groupby(chain, key=str.isalpha))
    return "".join(model.acronyms.get(run, run) for run in runs)


def restore_diacritics(text: str) -> str:
    """The text with the marks of its plain Vietnamese words restored; nothing else changes."""
    if not text:
        return text
    model = get_model()
    letters = re.findall(r"[^\W\d_]+", text)
    document_marked = sum(1 for w in letters if _has_marks(w)) >= 0.25 * max(len(letters), 1)
    out = list(text)
    offset = 0
    for line in text.split("\n"):
        slots = _line_slots(line, offset, document_marked, model)
        if any(len(slot.options) > 1 for slot in slots):
            for slot, chosen in zip(slots, _decode(slots, model), strict=True):
                out[slot.start : slot.end] = [""] * (slot.end - slot.start)
                out[slot.start] = chosen
        offset += len(line) + 1
    return "".join(out)
