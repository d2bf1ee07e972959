"""The Word report "BÁO CÁO Thu, chi Quỹ “Vì người nghèo” từ ngày … đến ngày …" in the state
format (Nghị định 30/2020/NĐ-CP, through documents.docx_format): the summary table, the
closing balance in figures and in words, and every receipt and payment of the period."""

from datetime import date

from mattran.documents import docx_format as fmt
from mattran.documents.services import style_for
from mattran.funds.balances import Reconciliation
from mattran.funds.statement import (
    content,
    counterparty,
    decision,
    dong,
    fund_names,
    period_text,
    summary_lines,
    title,
)
from mattran.funds.words import amount_in_words
from mattran.units.models import Unit

ROMAN = ["I", "II", "III", "IV", "V"]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _summary_table(rec: Reconciliation) -> fmt.Block:
    rows = [["TT", "Nội dung", "Số tiền (đồng)"]]
    for line in summary_lines(rec):
        if line.total:
            # figures stay plain so that the table keeps them right-aligned
            rows.append([f"**{line.number}**", f"**{line.label}**", dong(line.amount)])
        else:
            rows.append([line.number, line.label, dong(line.amount)])
    return fmt.Block("table", rows=rows, widths_cm=[1.3, 11.2, 4.0])


def _inflow_table(rec: Reconciliation) -> fmt.Block:
    rows = [["TT", "Ngày", "Số biên lai", "Tổ chức, cá nhân", "Nội dung", "Số tiền (đồng)"]]
    entries = [e for e in rec.entries if e.inflow]
    for i, e in enumerate(entries, start=1):
        rows.append(
            [
                str(i),
                f"{e.entry_date:%d/%m/%Y}",
                e.receipt_number,
                counterparty(e),
                content(e),
                dong(e.amount),
            ]
        )
    rows.append(["", "", "", "**Cộng**", "", dong(sum(e.amount for e in entries))])
    return fmt.Block("table", rows=rows, widths_cm=[1.0, 2.3, 1.8, 4.2, 4.7, 2.5])


def _outflow_table(rec: Reconciliation) -> fmt.Block:
    rows = [["TT", "Ngày", "Nội dung chi", "Đối tượng nhận", "Quyết định", "Số tiền (đồng)"]]
    entries = [e for e in rec.entries if not e.inflow]
    for i, e in enumerate(entries, start=1):
        rows.append(
            [
                str(i),
                f"{e.entry_date:%d/%m/%Y}",
                content(e),
                counterparty(e),
                decision(e),
                dong(e.amount),
            ]
        )
    rows.append(["", "", "**Cộng**", "", "", dong(sum(e.amount for e in entries))])
    return fmt.Block("table", rows=rows, widths_cm=[0.9, 2.3, 4.5, 3.3, 3.0, 2.5])


def _fund_blocks(rec: Reconciliation, nested: bool) -> list[fmt.Block]:
    """A fund's three parts: under a fund's own heading (1., 2., 3.) when the report covers
    several funds, or as the report's parts (I., II., III.) when it covers one."""

    def heading(index: int, text: str) -> fmt.Block:
        if nested:
            return fmt.Block("heading2", f"{index + 1}. {text}")
        return fmt.Block("heading1", f"{ROMAN[index]}. {text.upper()}")

    blocks = [
        heading(0, "Tổng hợp thu, chi"),
        _summary_table(rec),
        fmt.Block(
            "paragraph",
            f"Tồn quỹ đến hết ngày {rec.end:%d/%m/%Y}: **{dong(rec.closing)} đồng** "
            f"(Bằng chữ: {amount_in_words(rec.closing)}).",
        ),
        heading(1, "Chi tiết các khoản thu"),
    ]
    if any(e.inflow for e in rec.entries):
        blocks.append(_inflow_table(rec))
    else:
        blocks.append(fmt.Block("paragraph", "Trong kỳ không có khoản thu."))
    blocks.append(heading(2, "Chi tiết các khoản chi"))
    if any(not e.inflow for e in rec.entries):
        blocks.append(_outflow_table(rec))
    else:
        blocks.append(fmt.Block("paragraph", "Trong kỳ không có khoản chi."))
    return blocks


def reconciliation_document(unit: Unit, recs: list[Reconciliation], day: date):
    style = style_for(unit)
    names = fund_names(recs)
    blocks = [
        fmt.Block(
            "paragraph",
            f"Ban Thường trực Ủy ban MTTQ Việt Nam {_lower_first(unit.name)} báo cáo kết quả "
            f"thu, chi {names} {period_text(recs[0].start, recs[0].end)} như sau:",
        )
    ]
    nested = len(recs) > 1
    for index, rec in enumerate(recs):
        if nested:
            blocks.append(fmt.Block("heading1", f"{ROMAN[index]}. {rec.fund.name.upper()}"))
        blocks += _fund_blocks(rec, nested)
    blocks.append(
        fmt.Block(
            "paragraph",
            f"Trên đây là báo cáo thu, chi {names} {period_text(recs[0].start, recs[0].end)} "
            f"của Ban Thường trực Ủy ban MTTQ Việt Nam {_lower_first(unit.name)}./.",
        )
    )
    return fmt.OfficialDocument(
        letterhead=fmt.Letterhead(
            parent_lines=style.parent_list,
            office=style.office,
            sign=f"BC-{style.sign_suffix}",
            number="",
            place=style.place,
            date=day,
        ),
        doc_type="BÁO CÁO",
        summary=title(recs),
        blocks=blocks,
        recipients=style.recipient_list,
        signature=fmt.Signature(style.signer_authority, style.signer_position, style.signer_name),
    )
