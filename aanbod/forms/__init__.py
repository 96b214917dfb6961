"""The catalogue's forms: the public error report, and the partner portal's offer and place
forms. Import them from ``aanbod.forms``.
"""

from .catalogue import ErrorReportForm
from .offers import (
    KeyedForm,
    LocationForm,
    OfferForm,
    PlacesFormSet,
    SessionFormSet,
    VersionedForm,
    location_choices,
)

__all__ = [
    "ErrorReportForm",
    "KeyedForm",
    "LocationForm",
    "OfferForm",
    "PlacesFormSet",
    "SessionFormSet",
    "VersionedForm",
    "location_choices",
]
