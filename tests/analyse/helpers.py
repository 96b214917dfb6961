"""Reading the analysis pages' tables in tests, and counting their queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from analyse.tables import plain


def table(response, key):
    return response.context["tables"][key]


def values(response, key):
    """The table's rows as plain values, as the CSV has them."""
    return [[plain(value) for value in row] for row in table(response, key).rows]


def row_named(response, key, *labels):
    """The plain values of the row whose first cells are `labels`."""
    for row in values(response, key):
        if tuple(row[: len(labels)]) == labels:
            return row
    raise AssertionError(f"no row {labels} in {key}")


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)
