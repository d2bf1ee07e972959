"""Writing spreadsheets safely: text that came from people never runs as a formula."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Neutralise text a spreadsheet would read as a formula (CSV/formula injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
