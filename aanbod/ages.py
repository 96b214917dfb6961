"""Ages as people say them: an offer's age range (months, both ends included) in plain words,
in the visitor's language: "0 tot 12 jaar", "18 maanden tot 6 jaar", "vanaf 12 jaar",
"zwangerschap tot 3 jaar", "alle leeftijden"."""

from django.utils.translation import gettext, ngettext

MAX_AGE_MONTHS = 24 * 12  # the declaration: families with children up to 24 years


def _months(count):
    return ngettext("%(count)s month", "%(count)s months", count) % {"count": count}


def _years(count):
    return ngettext("%(count)s year", "%(count)s years", count) % {"count": count}


def _whole_years_up_to(max_months):
    """The age in years that an upper end in months means, or None when it is no whole year.

    The upper end is included: 143 months is the last month before the twelfth birthday, which
    people say as "tot 12 jaar", just as 144 months is."""
    if max_months >= 12 and max_months % 12 == 0:
        return max_months // 12
    if (max_months + 1) % 12 == 0:
        return (max_months + 1) // 12
    return None


def _ends_in_words(min_months, max_months):
    """ "0 tot 12 jaar", "6 tot 18 maanden", "18 maanden tot 6 jaar": both ends, for a range
    that starts and ends somewhere in the declaration's 0 to 24 years."""
    end_years = _whole_years_up_to(max_months)
    if end_years is None:
        text = ngettext("%(start)s to %(end)s month", "%(start)s to %(end)s months", max_months)
        return text % {"start": min_months, "end": max_months}
    if min_months % 12 == 0:
        text = ngettext("%(start)s to %(end)s year", "%(start)s to %(end)s years", end_years)
        return text % {"start": min_months // 12, "end": end_years}
    return gettext("%(start)s to %(end)s") % {
        "start": _months(min_months),
        "end": _years(end_years),
    }


def _age_in_words(months):
    """One age, "3 jaar" or "18 maanden": whole years where the months make whole years."""
    if months and months % 12 == 0:
        return _years(months // 12)
    return _months(months)


def _from_age(months):
    """ "vanaf 12 jaar", "vanaf 18 maanden". Whole messages, not "vanaf" + "12 jaar": in many
    languages the preposition changes the case of the words after it."""
    if months % 12 == 0:
        count = months // 12
        return ngettext("from %(count)s year", "from %(count)s years", count) % {"count": count}
    text = ngettext("from %(count)s month", "from %(count)s months", months)
    return text % {"count": months}


def _pregnancy_to(max_months):
    """ "zwangerschap tot 3 jaar" for an upper end of 35 or 36 months, "… tot 6 maanden"."""
    count = _whole_years_up_to(max_months)
    if count is None:
        text = ngettext("pregnancy to %(count)s month", "pregnancy to %(count)s months", max_months)
        return text % {"count": max_months}
    text = ngettext("pregnancy to %(count)s year", "pregnancy to %(count)s years", count)
    return text % {"count": count}


def age_range_in_words(min_months, max_months, *, for_expecting=False):
    """For whom an offer is, by age, in plain words in the current language.

    `min_months` and `max_months` are the first and the last month of age included (0 is a
    newborn, 143 the last month before the twelfth birthday); `for_expecting` adds the
    pregnancy, and an offer for expecting parents that ends at 0 months is for the pregnancy
    only. Whole years are used wherever the months allow it."""
    open_ended = max_months >= MAX_AGE_MONTHS - 1
    if for_expecting:
        if max_months == 0:
            return gettext("pregnancy")
        if min_months == 0:
            return _pregnancy_to(max_months)
        ages = age_range_in_words(min_months, max_months)
        return gettext("pregnancy and %(ages)s") % {"ages": ages}
    if min_months == 0 and open_ended:
        return gettext("all ages")
    if min_months == max_months:
        return _age_in_words(min_months)
    if open_ended:
        return _from_age(min_months)
    return _ends_in_words(min_months, max_months)
