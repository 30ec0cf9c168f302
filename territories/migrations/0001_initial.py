# Départements (from hub), EPCI and communes (from directory) move here with their rows. First
# the models enter this app's state on their old tables and their content types follow (so that
# permissions and Wagtail's references stay attached); hub, events and directory then point their
# foreign keys here and forget the models; 0002 finally gives the tables this app's names, once
# nothing in the state refers to the old ones.

import django.db.models.deletion
from django.db import migrations, models

MOVED = [("hub", "departement"), ("directory", "epci"), ("directory", "commune")]


def relabel_content_types(apps, schema_editor, moves):
    """Give each (model, old app, new app) content type its new app label, unless one exists."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_types = ContentType.objects.using(schema_editor.connection.alias)
    for model, old_label, new_label in moves:
        if not content_types.filter(app_label=new_label, model=model).exists():
            content_types.filter(app_label=old_label, model=model).update(app_label=new_label)


def forwards(apps, schema_editor):
    relabel_content_types(apps, schema_editor, [(model, app, "territories") for app, model in MOVED])


def backwards(apps, schema_editor):
    relabel_content_types(apps, schema_editor, [(model, "territories", app) for app, model in MOVED])


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('directory', '0004_shared_theme_vocabulary'),
        ('events', '0001_initial'),
        ('hub', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Departement',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(max_length=3, unique=True, verbose_name='code INSEE')),
                        ('nom', models.CharField(max_length=100, verbose_name='nom')),
                        ('slug', models.SlugField(max_length=100, unique=True, verbose_name="identifiant d'URL")),
                        ('region_code', models.CharField(max_length=3, verbose_name='code de la région')),
                        ('zone', models.CharField(choices=[('metro', 'Métropole'), ('drom', 'Outre-mer (DROM)'), ('com', "Collectivité d'outre-mer")], max_length=5, verbose_name='zone')),
                    ],
                    options={
                        'verbose_name': 'département',
                        'verbose_name_plural': 'départements',
                        'ordering': ['code'],
                        'db_table': 'hub_departement',
                    },
                ),
                migrations.CreateModel(
                    name='Epci',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(max_length=9, unique=True, verbose_name='SIREN')),
                        ('nom', models.CharField(max_length=200, verbose_name='nom')),
                    ],
                    options={
                        'verbose_name': 'EPCI',
                        'verbose_name_plural': 'EPCI',
                        'ordering': ['nom'],
                        'db_table': 'directory_epci',
                    },
                ),
                migrations.CreateModel(
                    name='Commune',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(max_length=5, unique=True, verbose_name='code INSEE')),
                        ('nom', models.CharField(max_length=200, verbose_name='nom')),
                        ('search_name', models.CharField(db_index=True, editable=False, max_length=200)),
                        ('codes_postaux', models.CharField(blank=True, max_length=200, verbose_name='codes postaux')),
                        ('departement_code', models.CharField(db_index=True, max_length=3, verbose_name='département')),
                        ('population', models.PositiveIntegerField(default=0, verbose_name='population')),
                        ('latitude', models.FloatField(blank=True, null=True, verbose_name='latitude')),
                        ('longitude', models.FloatField(blank=True, null=True, verbose_name='longitude')),
                        ('point_source', models.CharField(blank=True, choices=[('geonames', 'GeoNames (même commune)'), ('code-postal', 'Commune voisine de même code postal'), ('', 'Aucun')], max_length=20, verbose_name='origine du point')),
                        ('epci', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to='territories.epci', verbose_name='EPCI')),
                    ],
                    options={
                        'verbose_name': 'commune',
                        'verbose_name_plural': 'communes',
                        'ordering': ['nom'],
                        'db_table': 'directory_commune',
                    },
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
