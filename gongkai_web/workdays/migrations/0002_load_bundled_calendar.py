"""Load the working-day calendar bundled with gongkai (gongkai/clock/data/workdays.json).

Later years are added with ``manage.py load_workdays`` or ``add_workday_year``.
"""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor


def load(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    from gongkai.clock import WorkdayCalendar

    year_model = apps.get_model("workdays", "WorkdayYear")
    date_model = apps.get_model("workdays", "WorkdayDate")
    for entry in WorkdayCalendar.bundled().entries:
        if year_model.objects.filter(year=entry.year).exists():
            continue
        row = year_model.objects.create(
            year=entry.year,
            notice=entry.notice,
            title=entry.title,
            source=entry.source,
            note=entry.note,
        )
        date_model.objects.bulk_create(
            [date_model(year=row, day=d, kind="off") for d in sorted(entry.off)]
            + [date_model(year=row, day=d, kind="makeup") for d in sorted(entry.makeup)]
        )


class Migration(migrations.Migration):
    dependencies = [("workdays", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
