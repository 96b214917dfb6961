"""The analysis pages' tables: shown on the page, beside their chart, and downloaded as CSV (for
Excel with Belgian settings) or XLSX. A page builds its tables once; the same rows serve all
three, so a download always says what the page says."""

from dataclasses import dataclass, field
from io import BytesIO

from django.http import Http404, HttpResponse
from openpyxl import Workbook

# The one CSV helper of the project (to move to a shared module; only this import changes).
from common.spreadsheets import excel_csv

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Cell:
    """A value with what the page adds to it: a link, and whether it marks a gap."""

    value: object
    url: str = ""
    gap: bool = False
    text: str = ""

    def __str__(self):
        return self.text or str(self.value)


@dataclass
class Table:
    key: str
    title: str
    header: list
    rows: list = field(default_factory=list)
    # The number of leading columns that name the row (rendered as row headers).
    label_columns: int = 1
    empty_text: str = ""


def plain(value):
    """A cell's value as a spreadsheet wants it: numbers as numbers, the rest as text."""
    if isinstance(value, Cell):
        value = value.text or value.value
    if value is None:
        return ""
    if isinstance(value, int | float):
        return value
    return str(value)


def download(request, tables, filename):
    """The response for ?formaat=csv|xlsx&tabel=<key>, or None when the page itself is asked.
    An unknown table or format is a 404: there is no such download."""
    kind = request.GET.get("formaat")
    if not kind:
        return None
    table = next((t for t in tables if t.key == request.GET.get("tabel")), None)
    if table is None or kind not in ("csv", "xlsx"):
        raise Http404
    name = f"{filename}-{table.key}"
    rows = [[plain(value) for value in row] for row in table.rows]
    if kind == "csv":
        response, writer = excel_csv(f"{name}.csv")
        writer.writerow([str(title) for title in table.header])
        writer.writerows(rows)
        return response
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(table.title)[:31])
    sheet.append([str(title) for title in table.header])
    for row in rows:
        sheet.append(row)
    content = BytesIO()
    workbook.save(content)
    response = HttpResponse(content.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response
