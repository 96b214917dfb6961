"""E-mails of the network, in Dutch (the network's language), with calendar attachments."""

from email.mime.text import MIMEText

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation

from .ical import absolute_url


def build(template, context, to, *, ics=None, method=None, filename="uitnodiging.ics"):
    """One message from emails/netwerk/<template>_subject.txt and <template>.txt.

    The calendar part carries METHOD in its content type as RFC 6047 asks, so mail clients
    offer "accept" or remove the meeting instead of showing a plain attachment.
    """
    context = {"site_url": absolute_url(""), **context}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"emails/netwerk/{template}_subject.txt", context)
        body = render_to_string(f"emails/netwerk/{template}.txt", context)
    message = EmailMessage(subject=" ".join(subject.split()), body=body, to=[to])
    if ics is not None:
        part = MIMEText(ics.decode("utf-8"), "calendar", "utf-8")
        part.set_param("method", method)
        part.add_header("Content-Disposition", "attachment", filename=filename)
        message.attach(part)
    return message


def send_all(messages):
    """Send over one connection; returns how many were sent."""
    if not messages:
        return 0
    return get_connection().send_messages(messages) or 0
