"""The registry says, for every model of every mattran app, how it is archived or why not."""

from django.apps import apps
from django.db import models

from mattran.archive.registry import EXCLUDED, RULES, Kind, project_models, undeclared
from mattran.units.models import Unit


def test_every_project_model_is_declared_or_excluded_with_a_reason():
    missing = undeclared()
    assert not missing, (
        "These models are neither archived nor excluded: declare them in "
        f"mattran/archive/registry.py (RULES, or EXCLUDED with the reason): {missing}"
    )
    assert all(reason.strip() for reason in EXCLUDED.values())


def test_no_model_is_both_declared_and_excluded_and_every_name_exists():
    assert not set(RULES) & set(EXCLUDED)
    labels = {m._meta.label_lower for m in project_models()}
    assert set(RULES) | set(EXCLUDED) <= labels, "the registry names a model that is gone"


def _lands_on_unit(model: type[models.Model], lookup: str) -> bool:
    for name in lookup.split("__"):
        field = model._meta.get_field(name)
        if not field.is_relation or field.many_to_many:
            return False
        model = field.related_model
    return model is Unit


def test_every_reach_ends_at_a_unit_through_foreign_keys():
    for label, rule in RULES.items():
        model = apps.get_model(label)
        if rule.kind is Kind.BY_UNIT:
            assert rule.reach, label
            for lookup in rule.reach:
                assert _lands_on_unit(model, lookup), f"{label}: {lookup} does not reach a unit"
        for name in (*rule.personal_fields, *rule.stub_keep, *rule.stub_values):
            model._meta.get_field(name)  # raises when the field is gone
        for binary, name_field in rule.file_names.items():
            assert isinstance(model._meta.get_field(binary), models.BinaryField), label
            model._meta.get_field(name_field)


def test_foreign_keys_point_at_primary_keys_and_files_live_in_the_database():
    """The archive keeps primary keys and copies BinaryFields into files/; a FileField's
    file in storage or a foreign key to another column would need handling first."""
    for model in project_models():
        for field in model._meta.concrete_fields:
            assert not isinstance(field, models.FileField), (
                f"{model._meta.label}.{field.name} keeps its file outside the database: "
                "teach mattran/archive to copy it before adding it"
            )
            if field.is_relation:
                assert field.target_field.primary_key, f"{model._meta.label}.{field.name}"
