"""E-mails of the network, in Dutch (the network's language), with calendar attachments."""

from email.mime.text import MIMEText

from common.emails import absolute_url, staff_message


def build(template, context, to, *, ics=None, method=None, filename="uitnodiging.ics"):
    """One message from emails/netwerk/<template>_subject.txt and <template>.txt.

    The calendar part carries METHOD in its content type as RFC 6047 asks, so mail clients
    offer "accept" or remove the meeting instead of showing a plain attachment.
    """
    context = {"site_url": absolute_url(""), **context}
    message = staff_message(f"emails/netwerk/{template}", context, to)
    if ics is not None:
        part = MIMEText(ics.decode("utf-8"), "calendar", "utf-8")
        part.set_param("method", method)
        part.add_header("Content-Disposition", "attachment", filename=filename)
        message.attach(part)
    return message
