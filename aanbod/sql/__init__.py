"""The database functions and triggers of the offer catalogue, in .sql files in this folder:

- search.sql keeps the search document ``Offer.search_vector`` current (aanbod/search.py);
- facets.sql keeps the filter codes ``Offer.facets`` current (aanbod/facets.py);
- translations.sql keeps the search documents of ``OfferTranslation`` current, each in its
  language's configuration (aanbod/languages.py).

Migrations apply them with :func:`apply`: 0008 first, then each migration that goes with a
change to a file. Names in braces in a file are filled in from :func:`placeholders`.
"""

import re
from pathlib import Path

from django.conf import settings
from django.db import migrations

from aanbod.facets import Facet
from aanbod.languages import PLAIN_SEARCH_CONFIG, SEARCH_CONFIG_SOURCES, SEARCH_CONFIGS
from aanbod.models import POSTCODES, Offer

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def apply(name):
    """A migration operation that runs aanbod/sql/<name>.

    Going back it does nothing: the file holds only the current definitions, and the
    migration before may well have made the same ones.
    """

    def forward(apps, schema_editor):
        schema_editor.execute(render(name, schema_editor.connection), params=None)

    return migrations.RunPython(forward, migrations.RunPython.noop, elidable=False)


def render(name, connection):
    """The SQL of aanbod/sql/<name> with its placeholders filled in for this database."""
    values = placeholders(connection)
    text = Path(__file__).with_name(name).read_text()
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


def placeholders(connection):
    """What the names in braces stand for.

    ``{here}``: the schema of our tables, and ``{unaccent}``: that of the unaccent extension,
    so that the functions also work under the empty search_path of pg_dump/pg_restore;
    ``{time_zone}``: settings.TIME_ZONE, in which a weekday is read; ``{facet_pillar}`` and
    the like: the prefix of each kind of filter code (:class:`aanbod.facets.Facet`);
    ``{area_leuven}``, ``{area_some}``: the service areas that cover all of Leuven or some
    deelgemeenten, and ``{leuven_postcodes}``: all postcodes of Leuven (aanbod.models);
    ``{search_configs}``: the text search configurations to make, as an array of (name,
    stemmer), and ``{language_configs}``: the WHEN ... THEN ... ELSE ... of a CASE that gives
    each language code its configuration (aanbod.languages).
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_schema(), (SELECT extnamespace::regnamespace::text"
            " FROM pg_extension WHERE extname = 'unaccent')"
        )
        here, unaccent = cursor.fetchone()
    here = connection.ops.quote_name(here)
    return {
        "here": here,
        # regnamespace::text is quoted where needed already.
        "unaccent": unaccent or here,
        "time_zone": _literal(settings.TIME_ZONE),
        **{f"facet_{facet.name.lower()}": _literal(facet) for facet in Facet},
        "area_leuven": _literal(Offer.ServiceArea.LEUVEN),
        "area_some": _literal(Offer.ServiceArea.AREAS),
        "leuven_postcodes": "ARRAY[" + ", ".join(map(_literal, POSTCODES)) + "]::text[]",
        "search_configs": "ARRAY["
        + ", ".join(
            f"ARRAY[{_literal(name)}, {_literal(source)}]"
            for name, source in SEARCH_CONFIG_SOURCES.items()
        )
        + "]::text[]",
        "language_configs": " ".join(
            f"WHEN {_literal(code)} THEN {_literal(f'{here}.{name}')}::regconfig"
            for code, name in SEARCH_CONFIGS.items()
        )
        + f" ELSE {_literal(f'{here}.{PLAIN_SEARCH_CONFIG}')}::regconfig",
    }


def _literal(text):
    return "'" + str(text).replace("'", "''") + "'"
