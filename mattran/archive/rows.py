"""One row as it travels: Django's serialization, with files moved out to `files/`, personal
fields blanked when personal data is left out, and outside users reduced to a stub."""

import base64
import datetime
from collections.abc import Callable

from django.core.exceptions import SuspiciousFileOperation
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.text import get_valid_filename

from mattran.archive.registry import Rule, rule_for

OWNED, REFERENCE, STUB = "owned", "reference", "stub"
MASK = "***"


class Encoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds (it cuts them to milliseconds,
    and a restore must give back exactly what was saved)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def binary_fields(model: type[models.Model]) -> list[models.BinaryField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.BinaryField)]


def pack(
    model: type[models.Model], row: dict, *, role: str, personal: bool, include_files: bool
) -> tuple[dict, list[tuple[str, bytes]]]:
    """The archive line of a serialized row, and the files it carries."""
    rule = rule_for(model)
    fields = dict(row["fields"])
    if role == STUB:
        _stub(model, rule, fields)
    if not personal:
        _mask(model, rule, fields)
    attachments = []
    for f in binary_fields(model):
        value = fields.get(f.name)
        if not value:
            continue  # no file, or an empty one: the row says so itself
        data = base64.b64decode(value)
        member = _member(model, row["pk"], f, fields, rule) if include_files else None
        if member:
            attachments.append((member, data))
        fields[f.name] = {"file": member, "size": len(data)}
    line = {"model": row["model"], "pk": row["pk"], "fields": fields}
    if role != OWNED:
        line["role"] = role
    return line, attachments


def unpack(model: type[models.Model], line: dict, read: Callable[[str], bytes]) -> dict:
    """Back to Django's serialization: files read from their members (or left empty when
    the archive was written without files)."""
    fields = dict(line["fields"])
    for f in binary_fields(model):
        value = fields.get(f.name)
        if isinstance(value, dict):
            member = value.get("file")
            if member:
                fields[f.name] = base64.b64encode(read(member)).decode("ascii")
            else:
                fields[f.name] = None if f.null else ""
    return {"model": line["model"], "pk": line["pk"], "fields": fields}


def stub_identity(model: type[models.Model]) -> str:
    return rule_for(model).stub_keep[0]


def _stub(model, rule: Rule, fields: dict) -> None:
    for f in model._meta.concrete_fields:
        if f.primary_key or f.name in rule.stub_keep:
            continue
        fields[f.name] = rule.stub_values.get(f.name, f.get_default())


def _mask(model, rule: Rule, fields: dict) -> None:
    for name in rule.personal_fields:
        if fields.get(name) not in (None, ""):
            f = model._meta.get_field(name)
            fields[name] = None if f.null else ("" if f.blank else MASK)


def _member(model, pk, f: models.BinaryField, fields: dict, rule: Rule) -> str:
    name = fields.get(rule.file_names.get(f.name, ""), "") or ""
    try:
        safe = get_valid_filename(name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1])
    except SuspiciousFileOperation:
        safe = ""
    return f"files/{model._meta.label_lower}/{pk}/{f.name}/{safe or f.name + '.bin'}"
