from django.db import migrations

from mattran.plans.criteria import SETS


def load(apps, schema_editor):
    criterion = apps.get_model("plans", "NationalCriterion")
    for criteria_set, names in SETS.items():
        for number, name in enumerate(names, start=1):
            criterion.objects.update_or_create(
                criteria_set=criteria_set, number=number, defaults={"name": name}
            )


def unload(apps, schema_editor):
    apps.get_model("plans", "NationalCriterion").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("plans", "0002_assignments_progress_criteria")]
    operations = [migrations.RunPython(load, unload)]
