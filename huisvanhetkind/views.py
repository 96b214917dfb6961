from django.shortcuts import render

from aanbod.models import AgeBand, Location, Pillar, Session
from partners.models import Declaration

HOME_AGENDA_SIZE = 5


def home(request):
    return render(
        request,
        "home.html",
        {
            "age_bands": AgeBand.choices,
            "pillars": Pillar.objects.all(),
            "huizen": Location.objects.filter(kind=Location.Kind.HUIS_VAN_HET_KIND),
            "sessions": Session.objects.upcoming()
            .filter(is_cancelled=False)
            .select_related("offer", "location")[:HOME_AGENDA_SIZE],
        },
    )


def about(request):
    declaration = Declaration.objects.order_by("-effective_from").first()
    signatures = (
        declaration.signatures.select_related("partner").order_by("partner__name")
        if declaration
        else []
    )
    return render(request, "about.html", {"declaration": declaration, "signatures": signatures})
