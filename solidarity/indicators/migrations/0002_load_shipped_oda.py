from django.db import migrations


def load(apps, schema_editor):
    from solidarity.indicators import readers, services

    reading = readers.read(services.SHIPPED_FILE.read_bytes(), format="shipped")
    if reading.problems:
        raise ValueError("\n".join(str(problem) for problem in reading.problems))
    origin = apps.get_model("indicators", "IndicatorImport").objects.create(
        format="shipped",
        name=services.SHIPPED_FILE.name,
        imported_by="migration",
        rows_read=len(reading.rows),
        rows_added=len(reading.rows),
    )
    services.add_oda_figures(apps.get_model("indicators", "OdaFigure"), origin, reading.rows)


class Migration(migrations.Migration):
    dependencies = [("indicators", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
