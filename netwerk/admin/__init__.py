"""The network in the Django admin, for coordinators. Split by topic."""

from . import meetings, network  # noqa: F401 - registers the model admins
