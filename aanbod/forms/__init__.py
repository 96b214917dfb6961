"""The catalogue's forms: the public error report, and the partner portal's offer and place
forms. Split by topic; import everything from ``aanbod.forms``.
"""

from .catalogue import ErrorReportForm
from .common import KeyedForm, VersionedForm, location_choices
from .locations import LocationForm
from .offers import OfferForm
from .places import PlacesFormSet
from .sessions import SessionFormSet

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
