from django.db import migrations

DEFAULT_SYNONYMS = [
    "LAEP, lieu d'accueil enfants-parents",
    "PdN, Promeneurs du Net",
    "REAAP, réseaux d'écoute d'appui et d'accompagnement des parents",
    "RPE, relais petite enfance, RAM, relais assistantes maternelles",
    "PMI, protection maternelle et infantile",
    "Caf, caisse d'allocations familiales",
    "CLAS, contrat local d'accompagnement à la scolarité",
    "ados, adolescents",
]


def add(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for terms in DEFAULT_SYNONYMS:
        Synonym.objects.get_or_create(terms=terms)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
