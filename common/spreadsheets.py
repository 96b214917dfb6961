"""CSV downloads made for Excel with Belgian settings, whose cells are never formulas."""

import csv
from decimal import Decimal

from django.http import HttpResponse

# A cell starting with one of these is a formula to a spreadsheet program (a tab or carriage
# return is stripped first): OWASP's list for CSV injection.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """The cell as text a spreadsheet shows and never runs.

    Numbers stay numbers; everything else is text, and text that starts like a formula gets a
    leading apostrophe, as OWASP advises. That includes "-5" typed in a name: it is text.
    """
    if value is None or isinstance(value, int | float | Decimal):
        return value
    value = str(value)
    return "'" + value if value.startswith(FORMULA_START) else value


class _NeutralisingWriter:
    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row):
        return self._writer.writerow([neutralise(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def excel_csv(filename):
    """A CSV download that Excel with Belgian settings opens as it should, and its writer.

    That Excel reads a file as UTF-8 only with a byte order mark, and splits columns on the
    list separator of the Dutch locale, a semicolon. The writer neutralises every cell.
    """
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response, _NeutralisingWriter(csv.writer(response, delimiter=";"))
