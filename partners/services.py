"""Writes that span models or guard a rule: invitations, team changes, applications to
become a partner and signatures of the engagement declaration."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from common import outbox
from common.emails import staff_message

from .backends import accounts_with_address, normalise_address
from .forms import RESERVED_PARTNER_SLUGS
from .models import Application, ApplicationStep, Invitation, Membership, Partner, Signature


class InvitationUnusable(Exception):
    """A link that cannot be used; `reason` picks the page the person sees."""

    def __init__(self, reason, invitation=None):
        super().__init__(reason)
        self.reason = reason
        self.invitation = invitation

    @property
    def status_code(self):
        # A malformed or altered link is a bad request; a real link that stopped working is gone.
        return 400 if self.reason == "invalid" else 410


class LastManagerError(Exception):
    """The change would leave a partner without a manager."""


def invitation_from_token(token):
    """The pending invitation a link points to, or InvitationUnusable saying why not."""
    try:
        invitation_id = Invitation.id_from_token(token)
    except signing.SignatureExpired:
        raise InvitationUnusable("expired") from None
    except signing.BadSignature:
        raise InvitationUnusable("invalid") from None
    invitation = (
        Invitation.objects.select_related("partner", "invited_by").filter(pk=invitation_id).first()
    )
    if invitation is None:
        # Signed by us but deleted since (e.g. its partner was removed).
        raise InvitationUnusable("revoked")
    _raise_unless_pending(invitation)
    if invitation.is_expired:
        raise InvitationUnusable("expired", invitation)
    return invitation


def invitation_send(*, invitation, request):
    """Save a new invitation, replacing the person's open one for that partner, and e-mail it.

    Returns the number of invitations replaced. The e-mail is put in the outbox with the
    invitation, and sent once both are saved.
    """
    # A second, simultaneous submit for the same person fails on the one-pending-invitation
    # constraint with an IntegrityError, which the caller reports.
    with transaction.atomic():
        replaced = (
            Invitation.objects.pending()
            .filter(partner=invitation.partner, email=normalise_address(invitation.email))
            .update(status=Invitation.Status.REPLACED, closed_at=timezone.now())
        )
        invitation.status = Invitation.Status.PENDING
        invitation.created_at = timezone.now()
        invitation.save()
        outbox.queue([_invitation_email(invitation, request)])
    return replaced


def _invitation_email(invitation, request):
    inviter = invitation.invited_by
    # The portal's staff pages are Dutch; so are its e-mails, whatever page the sender used.
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "invitation": invitation,
            "partner": invitation.partner,
            "role": invitation.get_role_display(),
            "inviter": (inviter.get_full_name() or inviter.email)
            if inviter
            else _("Huis van het Kind Leuven"),
            "accept_url": request.build_absolute_uri(invitation.get_accept_url()),
            "expires_at": invitation.expires_at,
        }
        subject = _("Invitation to the Huis van het Kind Leuven portal for %(partner)s") % {
            "partner": invitation.partner.name
        }
        text = render_to_string("emails/invitation.txt", context, request=request)
        html = render_to_string("emails/invitation.html", context, request=request)
    message = EmailMultiAlternatives(subject, text, to=[invitation.email])
    message.attach_alternative(html, "text/html")
    return message


def invitation_revoke(*, invitation):
    """Withdraw a pending invitation; returns False when it was no longer pending."""
    updated = (
        Invitation.objects.pending()
        .filter(pk=invitation.pk)
        .update(status=Invitation.Status.REVOKED, closed_at=timezone.now())
    )
    return bool(updated)


def _lock_pending(invitation):
    # Locking the row makes a double-submitted acceptance wait, then see it was accepted.
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _raise_unless_pending(locked)
    return locked


def _raise_unless_pending(invitation):
    """InvitationUnusable with the reason, for an invitation that was used or withdrawn."""
    if invitation.status != Invitation.Status.PENDING:
        reasons = {Invitation.Status.ACCEPTED: "accepted", Invitation.Status.REPLACED: "replaced"}
        raise InvitationUnusable(reasons.get(invitation.status, "revoked"), invitation)


@transaction.atomic
def invitation_accept(*, invitation, user):
    """Make `user` a member with the invited role. Returns (membership, created): a person
    who is already a member keeps the role they have."""
    invitation = _lock_pending(invitation)
    membership = Membership.objects.filter(user=user, partner_id=invitation.partner_id).first()
    created = membership is None
    if created:
        membership = Membership(user=user, partner_id=invitation.partner_id, role=invitation.role)
        # Recorded in the history as the person's own doing.
        membership._history_user = user
        membership.save()
    invitation.status = Invitation.Status.ACCEPTED
    invitation.accepted_by = user
    invitation.closed_at = timezone.now()
    invitation.save(update_fields=["status", "accepted_by", "closed_at"])
    return membership, created


class AccountExists(Exception):
    """An account with the invited address was made while the person filled in the form."""


def invitation_accept_with_new_account(*, invitation, first_name, last_name, password):
    """Create the invited person's account (username = e-mail address) and accept."""
    user_model = get_user_model()
    email = normalise_address(invitation.email)
    try:
        with transaction.atomic():
            invitation = _lock_pending(invitation)
            if accounts_with_address(email).exists():
                raise AccountExists
            user = user_model.objects.create_user(
                username=email,
                email=email,
                password=password,
                first_name=first_name.strip(),
                last_name=last_name.strip(),
            )
            invitation_accept(invitation=invitation, user=user)
    except IntegrityError:
        raise AccountExists from None
    return user


def _ensure_another_manager(membership):
    """Raise LastManagerError unless the partner keeps a manager without this membership.

    The partner's manager rows are locked, so two managers demoting each other at the same
    moment cannot both succeed.
    """
    managers = list(
        Membership.objects.select_for_update()
        .filter(partner_id=membership.partner_id, role=Membership.Role.MANAGER)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not set(managers) - {membership.pk}:
        raise LastManagerError


@transaction.atomic
def membership_set_role(*, membership, role):
    """Change a member's role; the last manager cannot be made an editor."""
    if membership.role == role:
        return False
    if membership.role == Membership.Role.MANAGER:
        _ensure_another_manager(membership)
    membership.role = role
    membership.save(update_fields=["role"])
    return True


@transaction.atomic
def membership_remove(*, membership):
    """Remove a member from the team; the last manager cannot be removed."""
    if membership.role == Membership.Role.MANAGER:
        _ensure_another_manager(membership)
    membership.delete()


class ApplicationClosed(Exception):
    """The application was approved or rejected already (e.g. by another coordinator)."""


def application_submit(*, application):
    """Save a new application from the public form, with the first step of its history."""
    application.full_clean()
    with transaction.atomic():
        application.save()
        ApplicationStep.objects.create(
            application=application, status=Application.Status.SUBMITTED, at=application.created_at
        )
    return application


def _lock_open(application):
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if not locked.is_open:
        raise ApplicationClosed
    return locked


def _record_step(application, *, status, by, message=""):
    application.status = status
    application.save(update_fields=["status", "partner"])
    ApplicationStep.objects.create(application=application, status=status, by=by, message=message)


def _mail_contact(application, template, message, by):
    email = staff_message(
        f"emails/{template}",
        {"application": application, "message": message},
        application.contact_email,
    )
    if by.email:
        # The portal's sender address takes no mail: answers go to the coordinator.
        email.reply_to = [by.email]
    outbox.queue([email])


def partner_slug_for(name):
    """A free slug for a new partner's name (not one the portal uses itself)."""
    base = slugify(name)[:150] or "partner"
    slug, number = base, 1
    while slug in RESERVED_PARTNER_SLUGS or Partner.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def application_approve(*, application, by, request):
    """Make the partner (active, partner since today), its signature of the application's
    version and an invitation for the contact person as manager, e-mailed after commit.

    Raises ValidationError when a partner has the name already, ApplicationClosed when the
    application was decided meanwhile.
    """
    with transaction.atomic():
        application = _lock_open(application)
        partner = Partner(
            name=" ".join(application.name.split()),
            slug=partner_slug_for(application.name),
            kind=application.kind,
            description=application.offer,
            website=application.website,
            address=application.address,
            status=Partner.Status.ACTIVE,
            partner_since=timezone.localdate(),
        )
        partner.full_clean()
        partner._history_user = by
        partner.save()
        signature = Signature(
            declaration=application.declaration,
            partner=partner,
            signed_on=application.signed_on,
            signed_by=application.signed_by,
            signer_role=application.signer_role,
        )
        signature.full_clean()
        signature.save()
        invitation = Invitation(
            partner=partner,
            email=application.contact_email,
            role=Membership.Role.MANAGER,
            invited_by=by,
        )
        invitation.full_clean()
        invitation.save()
        application.partner = partner
        _record_step(application, status=Application.Status.APPROVED, by=by)
        outbox.queue([_invitation_email(invitation, request)])
    return partner


def application_ask_information(*, application, by, message):
    """Ask the contact person for more information; the application stays open."""
    with transaction.atomic():
        application = _lock_open(application)
        _record_step(
            application, status=Application.Status.MORE_INFORMATION, by=by, message=message
        )
        _mail_contact(application, "application_more_information", message, by)
    return application


def application_reject(*, application, by, message):
    """Turn the application down with a message to the contact person."""
    with transaction.atomic():
        application = _lock_open(application)
        _record_step(application, status=Application.Status.REJECTED, by=by, message=message)
        _mail_contact(application, "application_rejected", message, by)
    return application


class AlreadySigned(Exception):
    """The partner signed this version already (e.g. another manager, a moment ago)."""


def declaration_sign(*, partner, declaration, signed_by, signer_role):
    """Record the partner's signature of a version, dated today."""
    signature = Signature(
        declaration=declaration,
        partner=partner,
        signed_on=timezone.localdate(),
        signed_by=signed_by.strip(),
        signer_role=signer_role.strip(),
    )
    try:
        signature.full_clean()
    except ValidationError as error:
        if "__all__" in error.message_dict:  # the unique constraint
            raise AlreadySigned from None
        raise
    try:
        with transaction.atomic():
            signature.save()
    except IntegrityError:
        raise AlreadySigned from None
    return signature
