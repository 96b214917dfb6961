"""The benchmark's URLconf: the site's own URLs plus a baseline page, which the production
URLconf does not have."""

from django.shortcuts import render
from django.urls import path

from aanbod.models import Pillar
from huisvanhetkind.urls import urlpatterns as site_urlpatterns


def baseline(request):
    """The cheapest real page: one query, then a small template that extends base.html."""
    return render(request, "bench/baseline.html", {"pillars": list(Pillar.objects.all())})


urlpatterns = [path("bench/baseline/", baseline, name="bench_baseline"), *site_urlpatterns]
