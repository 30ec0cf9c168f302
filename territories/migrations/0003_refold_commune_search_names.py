# Commune.search_name is now built on search.text.fold, which spells "œ" as "oe" ("Œuilly" gives
# "oeuilly") where the former folding dropped it ("uilly"): recompute the names that change.

from django.db import migrations

from territories.communes import search_key


def refold(apps, schema_editor):
    Commune = apps.get_model("territories", "Commune")
    communes = Commune.objects.using(schema_editor.connection.alias)
    changed = []
    for commune in communes.only("id", "nom", "search_name").iterator(chunk_size=2000):
        key = search_key(commune.nom)
        if key != commune.search_name:
            commune.search_name = key
            changed.append(commune)
    communes.bulk_update(changed, ["search_name"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('territories', '0002_rename_tables'),
    ]

    operations = [
        migrations.RunPython(refold, migrations.RunPython.noop),
    ]
