from django.http import Http404


def agenda(request):
    raise Http404


def agenda_ical(request):
    raise Http404
