def report(command, sent, nothing):
    """Print one line per e-mail sent, then a total; say so when there was nothing to do."""
    for recipient, subject in sent:
        command.stdout.write(f"{recipient}: {subject}")
    if sent:
        command.stdout.write(command.style.SUCCESS(f"{len(sent)} e-mail(s) sent."))
    else:
        command.stdout.write(nothing)
