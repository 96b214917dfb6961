"""The moments in `<time datetime>` attributes (common/templatetags/datetimes.py)."""

from datetime import UTC, datetime

from django.template import Context, Template


def render(value):
    return Template("{% load datetimes %}{{ value|html_datetime }}").render(
        Context({"value": value})
    )


def test_a_moment_is_written_in_leuvens_time_to_the_second():
    # HTML allows at most three decimals of a second; a saved change has six.
    moment = datetime(2026, 7, 1, 8, 30, 15, 123456, tzinfo=UTC)
    assert render(moment) == "2026-07-01T10:30:15+02:00"


def test_no_moment_writes_nothing():
    assert render(None) == ""
