from urllib.parse import urlsplit

from django.conf import settings
from django.db.models.functions import Lower
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods, require_safe
from django.views.i18n import set_language as django_set_language

from aanbod.models import Activity, AgeBand, Location, Pillar
from common import usage
from common.client import take_submission_slot
from partners import services as partner_services
from partners.forms import ApplicationForm
from partners.models import Declaration, Partner, Signature

HOME_AGENDA_SIZE = 5
# Applications to become a partner, per client, like the error reports on offers.
APPLICATIONS_PER_WINDOW = 3
APPLICATION_WINDOW_SECONDS = 60 * 60


def home(request):
    usage.count(request)
    return render(
        request,
        "home.html",
        {
            "age_bands": AgeBand.choices,
            "pillars": Pillar.objects.all(),
            "huizen": Location.objects.filter(kind=Location.Kind.HUIS_VAN_HET_KIND),
            "activities": Activity.objects.upcoming()
            .filter(is_cancelled=False)
            .select_related("offer", "location")[:HOME_AGENDA_SIZE],
        },
    )


# What robots need not read: the admin, the language switch, and in every language the
# logged-in pages.
UNPREFIXED_PRIVATE_PATHS = ["/admin/", "/i18n/"]
PRIVATE_PATHS = ["/mijn/", "/account/"]


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    prefixes = [""] + [
        f"/{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
    ]
    disallowed = UNPREFIXED_PRIVATE_PATHS + [
        prefix + path for prefix in prefixes for path in PRIVATE_PATHS
    ]
    return render(
        request, "robots.txt", {"disallowed": disallowed}, content_type="text/plain; charset=utf-8"
    )


@require_safe
def favicon(request):
    """Browsers that ask /favicon.ico by themselves get the mark (pages link the SVG)."""
    return redirect(static("img/favicon.ico"))


def about(request):
    declaration = Declaration.objects.current()
    return render(
        request,
        "about.html",
        {
            "declaration": declaration,
            "signatures": latest_signatures(),
            "pillars": Pillar.objects.filter(is_basic=True),
            "former": Partner.Status.FORMER,
        },
    )


def latest_signatures():
    """Each partner's newest signature of a published version, by partner name: which version
    it signed, and when."""
    signatures = (
        Signature.objects.filter(declaration__in=Declaration.objects.published())
        .select_related("partner", "declaration")
        .order_by(Lower("partner__name"), "partner_id", "-declaration__effective_from")
    )
    seen, latest = set(), []
    for signature in signatures:
        if signature.partner_id not in seen:
            seen.add(signature.partner_id)
            latest.append(signature)
    return latest


@require_http_methods(["GET", "POST"])
def become_partner(request):
    """ "Partner worden": what the network is and asks, the current declaration, and the
    application that signs it. Pillars are the catalogue's, which partners cannot import."""
    declaration = Declaration.objects.current()
    if request.method == "GET" and "verzonden" in request.GET:
        return render(request, "become_partner_done.html")
    form = None
    rate_limited = False
    if declaration is not None:
        pillars = [(pillar.slug, pillar.name) for pillar in Pillar.objects.all()]
        form = ApplicationForm(
            request.POST if request.method == "POST" else None,
            declaration=declaration,
            pillar_choices=pillars,
        )
        if request.method == "POST" and form.is_valid():
            if take_submission_slot(
                request,
                scope="application",
                limit=APPLICATIONS_PER_WINDOW,
                window_seconds=APPLICATION_WINDOW_SECONDS,
            ):
                # A filled-in honeypot gets the same thanks, so a robot learns nothing.
                if not form.is_spam:
                    partner_services.application_submit(application=form.save(commit=False))
                return redirect(reverse("become_partner") + "?verzonden=1")
            rate_limited = True
    return render(
        request,
        "become_partner.html",
        {
            "declaration": declaration,
            "form": form,
            "rate_limited": rate_limited,
        },
        status=429 if rate_limited else 200,
    )


def set_language(request):
    """Django's set_language, with `next` read in the language of its own URL.

    Django translates `next` by resolving it in the active language, which comes from the
    cookie. A visitor who opened a shared /en/ link without that cookie would stay on /en/
    after choosing Dutch; so resolve `next` in the language its prefix names (none: Dutch).
    """
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    language = translation.get_language_from_path(urlsplit(next_url).path)
    with translation.override(language or settings.LANGUAGE_CODE):
        return django_set_language(request)
