from django.contrib import admin

from .models import NeedSignal


@admin.register(NeedSignal)
class NeedSignalAdmin(admin.ModelAdmin):
    list_display = ["theme", "age_band", "area", "target_group", "frequency", "partner", "heard_on"]
    list_filter = ["theme", "age_band", "area", "target_group", "frequency"]
    search_fields = ["description"]
    date_hierarchy = "heard_on"
    autocomplete_fields = ["partner"]
