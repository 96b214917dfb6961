from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class AanbodConfig(AppConfig):
    name = "aanbod"
    verbose_name = _("Offer catalogue")

    def ready(self):
        from .search import register_sqlite_functions

        # SQLite has no unaccent: text search folds accents with a Python function that each
        # connection needs before its first query.
        connection_created.connect(register_sqlite_functions)
