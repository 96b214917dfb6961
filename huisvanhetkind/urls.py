from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from . import outage, views

# Dutch pages live at the root; /fr/ and /en/ prefixes select the other languages,
# so a shared link always opens in the language it was shared in.
urlpatterns = [
    path("health/", outage.health, name="health"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("admin/", admin.site.urls),
]
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("over-ons/", views.about, name="about"),
    path("", include("aanbod.urls")),
    path("partners/", include("partners.urls")),
    # Logged-in pages for partner staff: accounts, their organisation, the network.
    path("mijn/netwerk/", include("netwerk.urls")),
    path("mijn/", include("partners.portal_urls")),
    path("account/", include("partners.account_urls")),
    prefix_default_language=False,
)
# The 503 page while the database does not answer; the 500 page for any other error.
handler500 = outage.server_error

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
