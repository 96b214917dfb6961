from django.http import Http404


def location_list(request):
    raise Http404


def location_detail(request, slug):
    raise Http404
