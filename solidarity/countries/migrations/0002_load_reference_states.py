from django.db import migrations


def load(apps, schema_editor):
    from solidarity.countries import reference

    reference.sync(apps.get_model("countries", "Country"), apps.get_model("countries", "CouncilMembership"))


class Migration(migrations.Migration):
    dependencies = [("countries", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
