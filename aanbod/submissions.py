"""One save per form: every staff form that writes carries a random key (KeyedForm), and the
view records the key in the transaction that saves.

A second submit with the same key -- a double click, a reload after saving, the back button
and "send again" -- finds the key and is sent where the first one went, so nothing is created
or changed twice. Two submits at the same moment are serialised by the unique key: the second
waits for the first transaction and then finds its key.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import FormSubmission

# How long a key is remembered: far longer than anyone keeps a form open after saving it.
KEEP_FOR = timedelta(days=2)


class AlreadySubmitted(Exception):
    def __init__(self, redirect_to):
        super().__init__(redirect_to)
        self.redirect_to = redirect_to


def claim(*, key, user):
    """Record that the form with `key` is being saved, inside the caller's transaction (so a
    save that fails frees the key again). Raises AlreadySubmitted if it was saved before."""
    try:
        with transaction.atomic():
            submission = FormSubmission.objects.create(key=key, user=user)
    except IntegrityError:
        earlier = FormSubmission.objects.filter(key=key, user=user).first()
        raise AlreadySubmitted(earlier.redirect_to if earlier else "") from None
    FormSubmission.objects.filter(created_at__lt=timezone.now() - KEEP_FOR).delete()
    return submission


def finish(submission, redirect_to):
    """Remember where the saved form sent the person, for a repeated submit."""
    submission.redirect_to = redirect_to
    submission.save(update_fields=["redirect_to"])
    return redirect_to
