# Wagtail creates its default workflow and task as "Moderators approval"; coordinators read
# their names on the "Soumettre" button and in the reports, so they are named in French.

from django.db import migrations

ENGLISH = "Moderators approval"
FRENCH = "Validation par la coordination"


def rename(old, new):
    def run(apps, schema_editor):
        for model in ("Workflow", "Task"):
            apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0002_departement_moves_to_territories"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(rename(ENGLISH, FRENCH), rename(FRENCH, ENGLISH))]
