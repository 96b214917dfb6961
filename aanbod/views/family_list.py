"""The pages of "Mijn lijstje": the list, adding an offer to it, the sheet to print for a family,
the shared link and its QR code, and sending the list by e-mail."""

import segno
from django.contrib import messages
from django.core.mail import EmailMessage
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from common import outbox
from common.client import client_ip_address
from common.qr import qr_svg
from common.redirects import safe_next
from common.throttle import take_slot
from partners.backends import normalise_address

from ..family_list import LINK_MAX_LENGTH, MAX_OFFERS, BadToken, FamilyList, published_items
from ..forms.family_list import FamilyListEmailForm, FamilyListNotesForm
from ..models import Offer

# At most this many list mails per client an hour, and to one address a day.
MAILS_PER_CLIENT = 5
MAIL_CLIENT_WINDOW = 60 * 60
MAILS_PER_ADDRESS = 3
MAIL_ADDRESS_WINDOW = 24 * 60 * 60
# The QR code is drawn at the largest scale (pixels per module) that keeps it this wide, so it
# fits a 360 px phone screen; at least 2, which stays readable on paper.
QR_MAX_WIDTH = 320


def _current(request):
    """The visitor's list without the offers no longer published, and its items; the offers
    that dropped out are taken off the list in the session and counted for a notice."""
    family_list = FamilyList.of(request)
    items, gone = published_items(family_list)
    if gone:
        family_list.keep_only({offer.pk for offer, _note in items})
        family_list.save(request)
    return family_list, items, len(gone)


def shared_url(request, family_list):
    """The absolute address of the list's shared page, or None when the list is too long for
    one (see LINK_MAX_LENGTH)."""
    url = request.build_absolute_uri(
        reverse("aanbod:family_list_shared", args=[family_list.token()])
    )
    return url if len(url) <= LINK_MAX_LENGTH else None


def shared_qr(url, *, scale=None):
    """The QR code of the shared link, at `scale` pixels per module, or as large as fits
    QR_MAX_WIDTH (between 2 and 4) on a screen."""
    if url is None:
        return None
    if scale is None:
        modules = segno.make(url, error="m").symbol_size()[0]
        scale = max(2, min(4, QR_MAX_WIDTH // modules))
    return qr_svg(url, title=_("QR code of the link to this list"), scale=scale)


@require_http_methods(["GET", "POST"])
def family_list(request):
    """The list: notes, order, removing; every button sends all notes along."""
    current, items, dropped = _current(request)
    form = FamilyListNotesForm(request.POST if request.method == "POST" else None, items=items)
    if request.method == "POST":
        if not form.is_valid():
            return _render_list(request, current, items, dropped, notes_form=form)
        current.set_notes(form.notes())
        fragment = _apply_list_action(request, current, items)
        current.save(request)
        return redirect(reverse("aanbod:family_list") + fragment)
    return _render_list(request, current, items, dropped, notes_form=form)


def _apply_list_action(request, current, items):
    """Do what the button pressed asks, after the notes were saved; returns the fragment of
    the page to go back to."""
    titles = {offer.pk: offer.title for offer, _note in items}
    for name, step in (("move_up", -1), ("move_down", 1)):
        pk = _offer_id(request.POST.get(name))
        if pk in titles:
            current.move(pk, step)
            return f"#family-list-item-{pk}"
    pk = _offer_id(request.POST.get("remove"))
    if pk in titles:
        current.remove(pk)
        messages.success(request, _("“%(title)s” was taken off your list.") % {"title": titles[pk]})
        return ""
    messages.success(request, _("Your notes are saved."))
    return ""


def _offer_id(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _render_list(request, current, items, dropped, *, notes_form, email_form=None, status=200):
    url = shared_url(request, current) if items else None
    return render(
        request,
        "aanbod/family_list.html",
        {
            "items": [(offer, note, notes_form.bound_field(offer.pk)) for offer, note in items],
            "notes_form": notes_form,
            "email_form": email_form or FamilyListEmailForm(),
            "dropped": dropped,
            "max_offers": MAX_OFFERS,
            "shared_url": url,
            "shared_qr": shared_qr(url),
            "rate_limited": status == 429,
            "email_sent": "verzonden" in request.GET,
        },
        status=status,
    )


@require_POST
def family_list_add(request):
    """Put an offer on the list and go back to the page the button was on, at the offer."""
    pk = _offer_id(request.POST.get("offer"))
    back = safe_next(request, reverse("aanbod:family_list"))
    offer = Offer.objects.published().filter(pk=pk).only("pk", "title").first() if pk else None
    if offer is None:
        messages.error(request, _("This offer cannot be found (any more)."))
        return redirect(back)
    current = FamilyList.of(request)
    if offer.pk in current:
        return redirect(f"{back}#family-list-offer-{offer.pk}")
    if not current.add(offer.pk):
        messages.error(
            request,
            _("Your list is full (%(count)s offers). Take an offer off it first.")
            % {"count": MAX_OFFERS},
        )
        return redirect(back)
    current.save(request)
    return redirect(f"{back}#family-list-offer-{offer.pk}")


@require_POST
def family_list_clear(request):
    FamilyList().save(request)
    messages.success(request, _("Your list is empty again."))
    return redirect("aanbod:family_list")


@require_GET
def family_list_print(request):
    """One page for the family: the offers with their notes and the QR code of the link."""
    current, items, _dropped = _current(request)
    url = shared_url(request, current) if items else None
    return render(
        request,
        "aanbod/family_list_sheet.html",
        {
            "items": items,
            "printing": True,
            # Small on paper (a module of half a millimetre still scans), to leave room for
            # the offers on the one page.
            "shared_qr": shared_qr(url, scale=2),
            "made_on": timezone.localdate(),
        },
    )


@require_GET
def family_list_shared(request, token):
    """The list as it was shared, read only, with a button to copy it to one's own list."""
    try:
        shared = FamilyList.from_token(token)
    except BadToken:
        return _bad_link(request)
    items, gone = published_items(shared)
    return render(
        request,
        "aanbod/family_list_sheet.html",
        {
            "items": items,
            "printing": False,
            "dropped": len(gone),
            "token": token,
            "made_on": None,
        },
    )


def _bad_link(request):
    return render(request, "aanbod/family_list_bad_link.html", status=400)


@require_POST
def family_list_copy(request):
    """Add the offers of a shared list (with their notes) to the visitor's own list."""
    try:
        shared = FamilyList.from_token(request.POST.get("token", ""))
    except BadToken:
        return _bad_link(request)
    items, _gone = published_items(shared)
    current = FamilyList.of(request)
    wanted = [(offer.pk, note) for offer, note in items if offer.pk not in current]
    added = sum(current.add(pk, note) for pk, note in wanted)
    current.save(request)
    if added < len(wanted):
        messages.warning(
            request,
            _(
                "Your list is full (%(count)s offers): "
                "%(added)s of the %(wanted)s offers were added."
            )
            % {"count": MAX_OFFERS, "added": added, "wanted": len(wanted)},
        )
    else:
        messages.success(
            request,
            ngettext(
                "%(count)s offer was added to your list.",
                "%(count)s offers were added to your list.",
                added,
            )
            % {"count": added},
        )
    return redirect("aanbod:family_list")


@require_POST
def family_list_email(request):
    """Send the list to one address, typed here for this mail only: it goes into no session and
    no table of ours; the outbox holds the mail to send it, as it does every mail."""
    current, items, dropped = _current(request)
    notes_form = FamilyListNotesForm(items=items)
    form = FamilyListEmailForm(request.POST)
    if not items:
        return redirect("aanbod:family_list")
    if not form.is_valid():
        return _render_list(
            request, current, items, dropped, notes_form=notes_form, email_form=form
        )
    address = form.cleaned_data["email"]
    if not (
        take_slot(
            "family-list-mail-client",
            client_ip_address(request) or "",
            limit=MAILS_PER_CLIENT,
            window=MAIL_CLIENT_WINDOW,
        )
        and take_slot(
            "family-list-mail-address",
            normalise_address(address),
            limit=MAILS_PER_ADDRESS,
            window=MAIL_ADDRESS_WINDOW,
        )
    ):
        return _render_list(
            request, current, items, dropped, notes_form=notes_form, email_form=form, status=429
        )
    # A filled-in honeypot gets the same answer, so a robot learns nothing.
    if not form.is_spam:
        outbox.queue([_list_email(request, current, items, address)], forget_when_sent=True)
    return redirect(reverse("aanbod:family_list") + "?verzonden=1#email-title")


def _list_email(request, current, items, address):
    context = {
        "items": items,
        "shared_url": shared_url(request, current),
        "catalogue_url": request.build_absolute_uri(reverse("aanbod:offer_list")),
        "site_root": f"{request.scheme}://{request.get_host()}",
    }
    subject = render_to_string("emails/family_list_subject.txt", context)
    body = render_to_string("emails/family_list.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=[address])
