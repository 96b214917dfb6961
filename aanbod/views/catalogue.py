from django.http import Http404


def offer_list(request):
    raise Http404


def offer_detail(request, slug):
    raise Http404


def report_error(request, slug):
    raise Http404
