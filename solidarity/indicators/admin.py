from django.contrib import admin

from solidarity.core.admin import ReadOnlyAdmin
from solidarity.indicators.models import Contribution, IndicatorImport, OdaFigure


@admin.register(IndicatorImport)
class IndicatorImportAdmin(ReadOnlyAdmin):
    """Figures come in by `solidarity indicators import-oda` and `import-contributions`."""

    list_display = ["imported_at", "name", "format", "imported_by", "rows_read", "rows_added"]
    list_filter = ["format"]


@admin.register(OdaFigure)
class OdaFigureAdmin(ReadOnlyAdmin):
    list_display = ["donor", "year", "oda_usd_millions", "oda_gni_percent", "preliminary", "chosen"]
    list_filter = ["year", "chosen", "preliminary", "basis"]
    search_fields = ["donor", "source"]


@admin.register(Contribution)
class ContributionAdmin(ReadOnlyAdmin):
    list_display = ["donor", "fund", "year", "amount_usd"]
    list_filter = ["year"]
    search_fields = ["donor", "fund", "source"]
