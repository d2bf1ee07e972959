"""Reading a document's structure from its text: what kind of document it is, who issued it,
its numbered sections, indicators and yearly targets, tasks and their owners, deadlines,
cited documents, and in a report the "x/N" counts with their footnotes.

`extract.document.extract_structure(text)` is the entry point; every helper is a plain
function over text, tested without a database.
"""
