from django.http import Http404


def partner_list(request):
    raise Http404


def partner_detail(request, slug):
    raise Http404
