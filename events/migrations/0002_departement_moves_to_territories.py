# Departement now lives in territories (see territories 0001, which renamed its table): only
# the migration state changes here, the rows and the foreign key constraint stay as they are.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0001_initial'),
        ('territories', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='eventpage',
                    name='departement',
                    field=models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='events', to='territories.departement', verbose_name='département'),
                ),
            ],
        ),
    ]
