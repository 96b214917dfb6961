"""The catalogue's forms: the public error report, and the partner portal's offer and place
forms. Split by topic; import everything from ``aanbod.forms``.
"""

from .activities import ActivityFormSet
from .catalogue import ErrorReportForm
from .common import KeyedForm, VersionedForm, location_choices
from .locations import LocationForm
from .offer_locations import OfferLocationFormSet
from .offers import OfferForm
from .translations import OfferTranslationForm

__all__ = [
    "ErrorReportForm",
    "KeyedForm",
    "LocationForm",
    "OfferForm",
    "OfferLocationFormSet",
    "OfferTranslationForm",
    "ActivityFormSet",
    "VersionedForm",
    "location_choices",
]
