"""A members group for every département already in the database (new ones get theirs on
creation: members.signals)."""

from django.db import migrations


def create_groups(apps, schema_editor):
    Departement = apps.get_model("territories", "Departement")
    Group = apps.get_model("auth", "Group")
    MembersGroup = apps.get_model("members", "MembersGroup")
    for departement in Departement.objects.filter(members_group__isnull=True):
        group, _created = Group.objects.get_or_create(
            name=f"Membres – {departement.nom} ({departement.code})"
        )
        MembersGroup.objects.create(departement=departement, group=group)


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
