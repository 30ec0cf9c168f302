from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0005_outgoing_email_attachments"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        # The site's routing finds a page by its url_path (hub.routing).
        migrations.RunSQL(
            "CREATE INDEX hub_page_url_path ON wagtailcore_page (url_path)",
            "DROP INDEX hub_page_url_path",
        ),
    ]
