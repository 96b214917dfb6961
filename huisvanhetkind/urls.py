from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from aanbod import portal_urls as offer_portal
from opendata import urls as opendata_urls
from partners import urls as partner_portal
from referrals import portal_urls as referral_portal

from . import outage, views

# The partner portal's URL names are "portal:…" whichever app serves the page; partners does not
# know the apps built on it, so their lists are joined here.
portal = (
    [*partner_portal.urlpatterns, *offer_portal.urlpatterns, *referral_portal.urlpatterns],
    partner_portal.app_name,
)

# Dutch pages live at the root; /fr/ and /en/ prefixes select the other languages,
# so a shared link always opens in the language it was shared in.
urlpatterns = [
    path("health/", outage.health, name="health"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("api/hsds/", include((opendata_urls.api_urlpatterns, "hsds"))),
]
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("over-ons/", views.about, name="about"),
    path("partner-worden/", views.become_partner, name="become_partner"),
    path("", include("aanbod.urls")),
    path("partners/", include("aanbod.partner_urls")),
    path("open-data/", include((opendata_urls.page_urlpatterns, "opendata"))),
    # Logged-in pages for partner staff: accounts, their organisation, the network.
    path("mijn/netwerk/", include("netwerk.urls")),
    path("mijn/analyse/", include("analyse.urls")),
    path("mijn/", include(portal)),
    path("account/", include("partners.account_urls")),
    prefix_default_language=False,
)
# The 503 page while the database does not answer; the 500 page for any other error.
handler500 = outage.server_error

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
