from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyseConfig(AppConfig):
    name = "analyse"
    verbose_name = _("Analysis of the offer")
