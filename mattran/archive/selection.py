"""What goes into a committee's archive: its rows, and the references they need.

The exported units are the root's subtree plus, through every reorganisation, the subtrees
of the units it (or a unit below it) succeeded. Rows reaching those units are *owned*; the
rows they point at that are not owned (the ancestors of the units, the programme of the city
a ward reports against, the official who approved a report) come along as *references*, so
that the archive loads on its own into an empty database.
"""

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.core import serializers
from django.db import models
from django.db.models import Q

from mattran.archive.errors import ArchiveError
from mattran.archive.registry import RULES, Kind, Rule, archived_models, rule_for
from mattran.units.models import PATH_END, Unit, UnitSuccession

CHUNK = 500

Row = dict  # Django's "python" serialization: {"model": ..., "pk": ..., "fields": {...}}


@dataclass
class UnitScope:
    root: Unit
    roots: list[Unit]  # the root and every predecessor whose subtree it carries on

    @property
    def owned_condition(self) -> Q:
        return reduce(or_, (Q(path__gte=r.path, path__lt=r.path + PATH_END) for r in self.roots))

    def owned_units(self) -> models.QuerySet:
        return Unit._base_manager.filter(self.owned_condition)

    def ancestor_units(self) -> models.QuerySet:
        paths = {p for r in self.roots for p in r.ancestor_paths()}
        return Unit._base_manager.filter(path__in=paths).exclude(self.owned_condition)


def unit_scope(root: Unit) -> UnitScope:
    roots: list[Unit] = []
    pending = [root]
    seen: set[int] = set()
    while pending:
        top = pending.pop()
        if top.pk in seen:
            continue
        seen.add(top.pk)
        roots.append(top)
        subtree = Unit._base_manager.filter(path__gte=top.path, path__lt=top.path + PATH_END)
        links = UnitSuccession.objects.filter(successor__in=subtree.values("pk"))
        pending.extend(link.predecessor for link in links.select_related("predecessor"))
    # A predecessor already inside another root's subtree adds nothing.
    roots = [r for r in roots if not any(o is not r and o.is_ancestor_of(r) for o in roots)]
    return UnitScope(root=root, roots=roots)


@dataclass
class Selection:
    scope: UnitScope
    personal: bool
    owned: dict[str, dict] = field(default_factory=dict)  # label -> pk -> row
    references: dict[str, dict] = field(default_factory=dict)
    omitted: list[str] = field(default_factory=list)  # personal models left out
    _queue: deque = field(default_factory=deque)

    def has(self, label: str, pk) -> bool:
        return pk in self.owned.get(label, {}) or pk in self.references.get(label, {})

    def add(self, model: type[models.Model], rows: Iterable[Row], *, owned: bool) -> None:
        label = model._meta.label_lower
        target = (self.owned if owned else self.references).setdefault(label, {})
        for row in rows:
            if not self.has(label, row["pk"]):
                target[row["pk"]] = row
                self._queue.append((model, row))

    def count(self) -> int:
        return sum(len(r) for r in self.owned.values()) + sum(
            len(r) for r in self.references.values()
        )


def serialize(model: type[models.Model], queryset: models.QuerySet) -> list[Row]:
    """Rows as Django's serializer writes them, without many-to-many fields (their tables
    are models of their own here, so each link travels with the side that owns it)."""
    names = [f.name for f in model._meta.concrete_fields if not f.primary_key]
    rows = queryset.order_by("pk").iterator(chunk_size=2000)
    return serializers.serialize("python", rows, fields=names)


def select(root: Unit, *, personal: bool) -> Selection:
    scope = unit_scope(root)
    selection = Selection(scope=scope, personal=personal)
    audit_models = []
    for model in archived_models():
        rule = rule_for(model)
        if rule.personal and not personal:
            selection.omitted.append(model._meta.label_lower)
        elif rule.kind is Kind.AUDIT:
            audit_models.append(model)
        else:
            _select_model(selection, model, rule)
    _pull_references(selection)
    for model in audit_models:
        _select_audit(selection, model)
    _pull_references(selection)
    return selection


def _select_model(selection: Selection, model: type[models.Model], rule: Rule) -> None:
    scope = selection.scope
    manager = model._base_manager
    if rule.kind is Kind.UNIT_TREE:
        selection.add(model, serialize(model, scope.owned_units()), owned=True)
        selection.add(model, serialize(model, scope.ancestor_units()), owned=False)
    elif rule.kind is Kind.SHARED:
        selection.add(model, serialize(model, manager.all()), owned=False)
    else:
        owned = _reaching(rule.reach, scope.owned_units())
        selection.add(model, serialize(model, manager.filter(owned)), owned=True)
        if rule.covering:
            covered = manager.filter(_reaching(rule.reach, scope.ancestor_units()))
            selection.add(model, serialize(model, covered.exclude(owned)), owned=False)


def _reaching(reach: tuple[str, ...], units: models.QuerySet) -> Q:
    ids = units.values("pk")
    return reduce(or_, (Q(**{f"{lookup}__in": ids}) for lookup in reach))


def _select_audit(selection: Selection, model: type[models.Model]) -> None:
    """Entries about an owned row, and everything an owned user did."""
    owned_keys = {(label, str(pk)) for label, rows in selection.owned.items() for pk in rows}
    users = set(selection.owned.get("accounts.user", {}))
    labels = {label for label, _ in owned_keys}
    by_owned_users = Q(actor__unit__in=selection.scope.owned_units().values("pk"))
    candidates = model._base_manager.filter(Q(target_type__in=labels) | by_owned_users)
    wanted = [
        pk
        for pk, target_type, target_id, actor_id in candidates.values_list(
            "pk", "target_type", "target_id", "actor_id"
        ).iterator(chunk_size=5000)
        if (target_type, target_id) in owned_keys or actor_id in users
    ]
    for chunk in _chunks(wanted):
        selection.add(model, serialize(model, model._base_manager.filter(pk__in=chunk)), owned=True)


def _pull_references(selection: Selection) -> None:
    """Follow every foreign key of the selected rows until nothing is missing."""
    while selection._queue:
        missing: dict[type[models.Model], set] = {}
        while selection._queue:
            model, row = selection._queue.popleft()
            for fk in _foreign_keys(model):
                value = row["fields"].get(fk.name)
                target = fk.related_model
                if value is not None and not selection.has(target._meta.label_lower, value):
                    _check_can_reference(selection, model, fk)
                    missing.setdefault(target, set()).add(value)
        for target, pks in missing.items():
            for chunk in _chunks(sorted(pks)):
                rows = serialize(target, target._base_manager.filter(pk__in=chunk))
                selection.add(target, rows, owned=False)


def _check_can_reference(selection: Selection, model, fk) -> None:
    target = fk.related_model._meta.label_lower
    rule = RULES.get(target)
    if rule is None or (rule.personal and not selection.personal):
        raise ArchiveError(
            f"Không sao lưu được: {model._meta.label_lower}.{fk.name} trỏ tới “{target}”, "
            "dữ liệu không thuộc bản lưu trữ."
        )


def _foreign_keys(model: type[models.Model]) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.is_relation]


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]
