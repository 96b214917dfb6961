"""The referral pages in the partner portal (/mijn/<partner>/doorverwijzingen/). The root
URLconf joins them with partners.urls under its "portal" namespace; every URL answers 404 to
people who are not on the staff of the partner, and a referral's URL to everybody but the
staff of its two partners."""

from django.urls import path

from . import views

STEPS = {
    "accept": "aanvaarden",
    "decline": "weigeren",
    "pass_on": "doorgeven",
    "contact_made": "contact-gemaakt",
    "close": "afsluiten",
    "withdraw": "intrekken",
}

urlpatterns = [
    path("<slug:slug>/doorverwijzingen/", views.referral_list, name="referral_list"),
    path("<slug:slug>/doorverwijzingen/nieuw/", views.referral_create, name="referral_create"),
    path(
        "<slug:slug>/doorverwijzingen/zonder-toestemming/",
        views.referral_no_consent,
        name="referral_no_consent",
    ),
    path(
        "<slug:slug>/doorverwijzingen/<int:referral_id>/",
        views.referral_detail,
        name="referral_detail",
    ),
    *(
        path(
            f"<slug:slug>/doorverwijzingen/<int:referral_id>/{address}/",
            views.referral_step,
            {"step": step},
            name=f"referral_{step}",
        )
        for step, address in STEPS.items()
    ),
]
