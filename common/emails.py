"""E-mails to partner staff and network members, sent from commands and services that have no
request: links are made absolute with settings.SITE_URL, and the text is Dutch, the network's
language, whatever language the sender runs in."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def absolute_url(path):
    return settings.SITE_URL.rstrip("/") + path


def staff_message(template, context, to):
    """A message from the templates <template>_subject.txt (on one line) and <template>.txt."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=[to])
