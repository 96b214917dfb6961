from django.urls import path

from .views import actions, archive, calendar, meetings, opportunities

app_name = "netwerk"
urlpatterns = [
    path("", meetings.meeting_list, name="meeting_list"),
    path("vergaderingen/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("vergaderingen/<int:pk>/antwoord/", meetings.meeting_rsvp, name="meeting_rsvp"),
    path("vergaderingen/<int:pk>/agenda.ics", meetings.meeting_ical, name="meeting_ical"),
    path("agenda/", calendar.calendar, name="calendar"),
    path("agenda/vernieuwen/", calendar.calendar_renew, name="calendar_renew"),
    path("agenda/<str:token>/netwerk.ics", calendar.calendar_feed, name="calendar_feed"),
    path("verslagen/", archive.archive, name="archive"),
    path("groepen/", archive.group_list, name="group_list"),
    path("groepen/<slug:slug>/", archive.group_detail, name="group_detail"),
    path("actiepunten/", actions.action_list, name="action_list"),
    path("actiepunten/<int:pk>/", actions.action_update, name="action_update"),
    path("kansen/", opportunities.opportunity_list, name="opportunity_list"),
    path("kansen/<int:pk>/", opportunities.opportunity_detail, name="opportunity_detail"),
    path(
        "kansen/<int:pk>/interesse/<int:interest_pk>/intrekken/",
        opportunities.interest_withdraw,
        name="interest_withdraw",
    ),
]
