"""An amount of money in Vietnamese words, as finance documents write it after the figure:
"Bằng chữ: Sáu mươi triệu đồng"."""

from decimal import Decimal

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
SCALES = ["", "nghìn", "triệu", "tỷ"]


def _three(number: int, leading: bool) -> list[str]:
    """Words of 0–999; inside a larger number a group keeps "không trăm" and "linh"."""
    hundreds, rest = divmod(number, 100)
    tens, ones = divmod(rest, 10)
    words: list[str] = []
    if hundreds or not leading:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if ones:
            if words:
                words.append("linh")
            words.append(DIGITS[ones])
        return words
    words += ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    if ones == 1:
        words.append("một" if tens == 1 else "mốt")
    elif ones == 4 and tens > 1:
        words.append("tư")
    elif ones == 5:
        words.append("lăm")
    elif ones:
        words.append(DIGITS[ones])
    return words


def _words(number: int) -> list[str]:
    if number == 0:
        return ["không"]
    billions, rest = divmod(number, 10**9)
    words = [*_words(billions), "tỷ"] if billions else []
    groups = [(rest // 10**6) % 1000, (rest // 1000) % 1000, rest % 1000]
    for index, group in enumerate(groups):
        if not group:
            continue
        leading = not words
        words += _three(group, leading)
        scale = SCALES[2 - index]
        if scale:
            words.append(scale)
    return words


def amount_in_words(amount: Decimal | int) -> str:
    """60000000 -> "Sáu mươi triệu đồng"; 1005000 -> "Một triệu không trăm linh năm nghìn đồng"."""
    number = int(Decimal(amount))
    sign = "Âm " if number < 0 else ""
    text = " ".join(_words(abs(number))) + " đồng"
    text = sign + (text if sign else text[0].upper() + text[1:])
    return text
