"""Low-level OOXML help for the DOCX writer: putting elements where the schema's order wants
them, and measuring printed text (to size the lines under the letterhead)."""

import functools

from docx.oxml import OxmlElement
from lxml import etree


def row_property(tr, name: str) -> None:
    tr_pr = tr.get_or_add_trPr()
    insert_ordered(tr_pr, OxmlElement(f"w:{name}"), TRPR_ORDER)


def insert_ordered(parent, child, order: tuple[str, ...]):
    """Put `child` into `parent` (replacing one of its kind) where the schema's order wants it."""
    name = etree.QName(child).localname
    for old in [c for c in parent if isinstance(c.tag, str) and etree.QName(c).localname == name]:
        parent.remove(old)
    later = set(order[order.index(name) + 1 :])
    for element in parent:
        if isinstance(element.tag, str) and etree.QName(element).localname in later:
            element.addprevious(child)
            return child
    parent.append(child)
    return child


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# element order in the OOXML schema (CT_PPr, CT_TblPr, CT_TrPr, CT_Settings): Word refuses
# files whose properties come out of order, and python-docx knows only some of them
PPR_ORDER = _names(
    """
    pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers
    pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct
    autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing
    mirrorIndents suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl
    divId cnfStyle rPr sectPr pPrChange
    """
)
TBLPR_ORDER = _names(
    """
    tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc
    tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption
    tblDescription tblPrChange
    """
)
TRPR_ORDER = _names(
    """
    cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader
    tblCellSpacing jc hidden ins del trPrChange
    """
)
SETTINGS_ORDER = _names(
    """
    hdrShapeDefaults footnotePr endnotePr compat docVars rsids mathPr attachedSchema
    themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats doNotAutoCompressPictures
    forceUpgrade captions readModeInkLockDown smartTagType schemaLibrary shapeDefaults
    doNotEmbedSmartTags decimalSymbol listSeparator
    """
)

_FONT_FILES = {
    False: (
        "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
        "/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman.ttf",
        "C:/Windows/Fonts/times.ttf",
    ),
    True: (
        "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
        "/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman_Bold.ttf",
        "C:/Windows/Fonts/timesbd.ttf",
    ),
}


@functools.cache
def _font(bold: bool):
    """Times New Roman or its metric clone, to size the lines under the letterhead text."""
    from PIL import ImageFont

    for path in _FONT_FILES[bold]:
        try:
            return ImageFont.truetype(path, 1000, layout_engine=ImageFont.Layout.BASIC)
        except OSError:
            continue
    return None


def text_width_cm(text: str, size_pt: float, bold: bool = False) -> float:
    """The printed width of the longest line of `text`."""
    return max((_line_width_cm(line, size_pt, bold) for line in text.splitlines()), default=0)


def _line_width_cm(text: str, size_pt: float, bold: bool) -> float:
    font = _font(bold)
    try:
        ems = font.getlength(text) / 1000
    except (AttributeError, ValueError, RuntimeError):  # no font file, or text it cannot lay out
        ems = sum(0.25 if c.isspace() else 0.72 if c.isupper() else 0.5 for c in text)
    return ems * size_pt / 72 * 2.54
