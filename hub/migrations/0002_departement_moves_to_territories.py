# Departement now lives in territories (see territories 0001, which renamed its table): only
# the migration state changes here, the rows and the foreign key constraint stay as they are.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0002_departement_moves_to_territories'),
        ('hub', '0001_initial'),
        ('territories', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='departementpage',
                    name='departement',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='section', to='territories.departement', verbose_name='département'),
                ),
                migrations.DeleteModel(
                    name='Departement',
                ),
            ],
        ),
    ]
