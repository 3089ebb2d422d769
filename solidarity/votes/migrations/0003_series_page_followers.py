"""Each series member's page follows its series in the page cache (``core.pagecache.follow``)."""

from django.db import migrations


def follow_series(apps, schema_editor):
    PageRevision = apps.get_model("core", "PageRevision")
    SeriesMember = apps.get_model("votes", "SeriesMember")
    members = SeriesMember.objects.values_list("resolution__symbol", "series_id")
    PageRevision.objects.bulk_create(
        [
            PageRevision(subject=f"series-of:{symbol}", token=f"series:{pk}")
            for symbol, pk in members
        ],
        update_conflicts=True,
        unique_fields=["subject"],
        update_fields=["token"],
        batch_size=500,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_page_revisions"),
        ("votes", "0002_resolutionseries_seriesmember"),
    ]

    operations = [migrations.RunPython(follow_series, migrations.RunPython.noop)]
