from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin whose history pages answer 404 to an id that cannot be one.

    It looks the ids in the address up as they are, and one that is not a number made a
    ValueError: a 500 (/admin/…/abc/history/ or /admin/…/1/history/abc/).
    """

    def history_view(self, request, object_id, extra_context=None):
        _valid_or_404(self.model._meta.pk, unquote(object_id))
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        _valid_or_404(self.model._meta.pk, object_id)
        _valid_or_404(self.model.history.model._meta.pk, version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


def _valid_or_404(field, value):
    try:
        field.to_python(value)
    except ValidationError:
        raise Http404 from None
