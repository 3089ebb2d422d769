"""The five themes op. 8 of resolution 56/4 names, with their labels in the six languages."""

from django.db import migrations

THEMES = {
    "extreme_poverty": {
        "en": "Extreme poverty",
        "fr": "Extrême pauvreté",
        "es": "Pobreza extrema",
        "ru": "Крайняя нищета",
        "zh-hans": "极端贫困",
        "ar": "الفقر المدقع",
    },
    "food_insecurity": {
        "en": "Food insecurity",
        "fr": "Insécurité alimentaire",
        "es": "Inseguridad alimentaria",
        "ru": "Отсутствие продовольственной безопасности",
        "zh-hans": "粮食不安全",
        "ar": "انعدام الأمن الغذائي",
    },
    "climate_change": {
        "en": "Climate change",
        "fr": "Changements climatiques",
        "es": "Cambio climático",
        "ru": "Изменение климата",
        "zh-hans": "气候变化",
        "ar": "تغير المناخ",
    },
    "pandemics_recovery": {
        "en": "Pandemics and recovery",
        "fr": "Pandémies et relèvement",
        "es": "Pandemias y recuperación",
        "ru": "Пандемии и восстановление",
        "zh-hans": "大流行病与复苏",
        "ar": "الجوائح والتعافي",
    },
    "inequality": {
        "en": "Inequality",
        "fr": "Inégalités",
        "es": "Desigualdad",
        "ru": "Неравенство",
        "zh-hans": "不平等",
        "ar": "عدم المساواة",
    },
}


def add(apps, schema_editor):
    Theme = apps.get_model("practices", "Theme")
    for code, labels in THEMES.items():
        Theme.objects.update_or_create(code=code, defaults={"labels": labels})


def remove(apps, schema_editor):
    apps.get_model("practices", "Theme").objects.filter(code__in=list(THEMES)).delete()


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]

    operations = [migrations.RunPython(add, remove)]
