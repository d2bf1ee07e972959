"""Import use cases: extract a document's structure for a committee (owners resolved to its
units) and save a reviewed structure as a programme or a plan."""

from mattran.imports.extract.document import extract_structure
from mattran.imports.resolve import resolve_owner
from mattran.units.models import Unit


def extract_for_unit(text: str, unit: Unit | None) -> dict:
    """The structure as a dict (what `mattran import --format json` prints), with flat
    `indicators` and `tasks` lists; each task's owner resolved among `unit`'s units."""
    document = extract_structure(text)
    data = document.as_dict()
    data["indicators"] = [
        {**indicator, "section": section.number}
        for section in document.walk()
        for indicator in section.indicators
    ]
    data["tasks"] = [
        {**task, "section": section.number} for section in document.walk() for task in section.tasks
    ]
    if unit is not None:
        for task in data["tasks"]:
            task["owner_unit"] = resolve_owner(task["owner"] or "", unit)
    return data
