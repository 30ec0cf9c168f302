# The moved tables take this app's names (hub_departement, directory_epci and directory_commune
# become territories_*). It runs once every foreign key in the state points to territories, so
# that no later operation rebuilds a reference to an old name; the databases update the existing
# foreign key constraints themselves (PostgreSQL by table identity, SQLite >= 3.26 by rewriting
# the referencing tables' schema).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0005_communes_move_to_territories'),
        ('events', '0002_departement_moves_to_territories'),
        ('hub', '0002_departement_moves_to_territories'),
        ('territories', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelTable(name='departement', table=None),
        migrations.AlterModelTable(name='epci', table=None),
        migrations.AlterModelTable(name='commune', table=None),
    ]
