# Commune and Epci now live in territories (see territories 0001, which renamed their tables):
# only the migration state changes here, the rows and the foreign key constraints stay as they are.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0004_shared_theme_vocabulary'),
        ('territories', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='commune',
                    name='epci',
                ),
                migrations.AlterField(
                    model_name='actionpage',
                    name='commune',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='territories.commune', verbose_name='commune'),
                ),
                migrations.AlterField(
                    model_name='promeneurpage',
                    name='commune',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='territories.commune', verbose_name='commune'),
                ),
                migrations.AlterField(
                    model_name='lieuressourcepage',
                    name='commune',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='territories.commune', verbose_name='commune'),
                ),
                migrations.AlterField(
                    model_name='lieustop',
                    name='commune',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='territories.commune', verbose_name='commune'),
                ),
                migrations.AlterField(
                    model_name='structurepage',
                    name='commune',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='territories.commune', verbose_name='commune'),
                ),
                migrations.DeleteModel(
                    name='Epci',
                ),
                migrations.DeleteModel(
                    name='Commune',
                ),
            ],
        ),
    ]
