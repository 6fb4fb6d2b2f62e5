from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from koers.indicators import models


@admin.register(models.Indicator)
class IndicatorAdmin(admin.ModelAdmin[models.Indicator]):
    list_display = ["code", "name_nl", "unit", "direction", "frequency"]
    list_filter = ["direction", "frequency"]
    search_fields = ["code", "name_nl", "name_en"]
    filter_horizontal = ["items"]


@admin.register(models.Observation)
class ObservationAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = [
        "indicator",
        "geography",
        "series",
        "period",
        "value",
        "provisional",
        "recorded_at",
    ]
    list_filter = ["indicator", "geography", "provisional", "revised"]

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        # A correction is recorded as a new observation; the earlier one stays readable.
        return obj is None


@admin.register(models.Target)
class TargetAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = [
        "indicator",
        "geography",
        "kind",
        "baseline_value",
        "target_value",
        "target_period",
    ]
    list_filter = ["kind"]
