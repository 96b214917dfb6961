"""Site-wide helpers that every app may use: staff e-mails and absolute links, the e-mail
outbox, iCalendar, Markdown, CSV downloads for Excel, the safe ``next`` redirect, the client's
address, rate limits, the admin of models with history, the middleware that refuses NUL
characters, and the template filters.

This package imports no app of the project (tests/test_app_boundaries.py checks it), so the
apps can depend on it without depending on each other.
"""
