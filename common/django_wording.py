"""Django's own wording for four form errors, which the catalogues of Django REST framework
(installed for the open data) reword. Our catalogues, read first, carry Django's wording for
them; naming the messages here keeps `makemessages` from marking those entries obsolete.

Nothing imports this module: it exists for `makemessages`."""

from django.utils.translation import gettext_noop

DJANGO_WORDING = [
    gettext_noop("No file was submitted."),
    gettext_noop("This field is required."),
    gettext_noop(
        "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
    ),
    gettext_noop("Value must be valid JSON."),
]
