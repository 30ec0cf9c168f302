from django.db import migrations, models


def fill_type_liaison(apps, schema_editor):
    """Give the départements already loaded their TNCC from the reference data."""
    from territories import reference

    Departement = apps.get_model("territories", "Departement")
    if not Departement.objects.exists():
        return
    for row in reference.departements():
        Departement.objects.filter(code=row["code"]).update(type_liaison=row["type_liaison"])


class Migration(migrations.Migration):
    dependencies = [
        ("territories", "0003_refold_commune_search_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="departement",
            name="type_liaison",
            field=models.PositiveSmallIntegerField(
                default=0,
                help_text="Article du nom selon le code officiel géographique : 2 le, 3 la, 4 les, 5 l'.",
                verbose_name="type de nom (TNCC)",
            ),
        ),
        migrations.RunPython(fill_type_liaison, migrations.RunPython.noop),
    ]
