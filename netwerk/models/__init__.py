"""The Netwerk Gezinsondersteuning: groups, meetings, minutes, action points, opportunities.

Split by topic; import everything from ``netwerk.models``.
"""

from .actions import ActionItem
from .calendar import CalendarToken
from .groups import GroupMember, NetworkGroup
from .meetings import AgendaItem, Attendance, Meeting
from .opportunities import Interest, Opportunity
from .reminders import SentReminder
from .reports import WorkgroupReport

__all__ = [
    "ActionItem",
    "AgendaItem",
    "Attendance",
    "CalendarToken",
    "NetworkGroup",
    "GroupMember",
    "Interest",
    "Meeting",
    "Opportunity",
    "SentReminder",
    "WorkgroupReport",
]
