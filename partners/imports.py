"""What every CSV/XLSX import and export of the coordinators' admin (django-import-export) and
of the partner portal holds to, whatever the file:

- a file is read only if it is small enough, in UTF-8 (CSV, separated by commas or by the
  semicolons Excel uses in Belgium) or a real XLSX workbook, and has a header row naming known
  columns; otherwise one translated message says what to do, and nothing is read;
- a cell with a formula (a text that starts with "=") is that row's error: the preview shows
  it next to the row, and nothing is saved;
- an export never hands a spreadsheet a formula: XLSX cells are text, and a CSV cell that
  Excel would run (starting with =, +, -, @) gets an apostrophe before it
  (common.spreadsheets), which an import takes off again.
"""

import csv
import io
import zipfile

import tablib
from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import resources
from import_export.formats import base_formats
from import_export.forms import ImportForm
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from common.import_export_admin import ImportExportAdminMixin
from common.spreadsheets import FORMULA_START, neutralise

MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_IMPORT_ROWS = 1000
MAX_IMPORT_COLUMNS = 60
MAX_READ_LINES = 10 * MAX_IMPORT_ROWS
# An XLSX file is a ZIP archive: what it unpacks to is read, not its size on disk.
MAX_UNPACKED_XLSX_BYTES = 50 * 1024 * 1024

UNREADABLE_ENCODING = gettext_lazy(
    "The file is not in UTF-8. In Excel, save it as “CSV UTF-8” or as XLSX."
)


class UnreadableFile(ValueError):
    """A file we do not read, with the message that says why."""


def limited_dataset(rows):
    """A tablib Dataset from an iterable of rows (the first is the header), refusing more rows
    or columns than an import takes before reading them all."""
    rows = iter(rows)
    header = next(rows, None)
    if header is None:
        raise UnreadableFile(_("The file is empty."))
    header = ["" if value is None else str(value).strip() for value in header]
    while header and not header[-1]:
        header.pop()
    if len(header) > MAX_IMPORT_COLUMNS:
        raise UnreadableFile(
            _("The file has more than %(count)s columns.") % {"count": MAX_IMPORT_COLUMNS}
        )
    dataset = tablib.Dataset(headers=header)
    too_many = UnreadableFile(
        _("The file has more than %(count)s rows: import it in parts.") % {"count": MAX_IMPORT_ROWS}
    )
    for number, row in enumerate(rows, start=1):
        # Empty lines are skipped, but not endlessly: a sheet can be a million of them long.
        if number > MAX_READ_LINES:
            raise too_many
        values = ["" if value is None else value for value in row]
        if not any(str(value).strip() for value in values):
            continue
        if len(dataset) == MAX_IMPORT_ROWS:
            raise too_many
        extra = values[len(header) :]
        if any(str(value).strip() for value in extra):
            raise UnreadableFile(
                _("Row %(number)s has more cells than the header row has column names.")
                % {"number": number + 1}
            )
        values = values[: len(header)]
        dataset.append(values + [""] * (len(header) - len(values)))
    return dataset


class CheckedCSV(base_formats.CSV):
    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            try:
                in_stream = in_stream.decode(self.encoding or "utf-8-sig")
            except UnicodeDecodeError as error:
                raise UnreadableFile(UNREADABLE_ENCODING) from error
        if "\x00" in in_stream:
            raise UnreadableFile(_("This is not a CSV file."))
        first_line = in_stream.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        return limited_dataset(csv.reader(io.StringIO(in_stream), delimiter=delimiter))

    def export_data(self, dataset, **kwargs):
        """As the analysis downloads: for Excel with Belgian settings (a byte order mark,
        semicolons), every cell neutralised."""
        text = io.StringIO()
        text.write("\ufeff")
        writer = csv.writer(text, delimiter=";")
        writer.writerow(dataset.headers)
        writer.writerows([neutralise(value) for value in row] for row in dataset)
        return text.getvalue()


class CheckedXLSX(base_formats.XLSX):
    def create_dataset(self, in_stream, **kwargs):
        try:
            with zipfile.ZipFile(io.BytesIO(in_stream)) as archive:
                unpacked = sum(member.file_size for member in archive.infolist())
        except zipfile.BadZipFile as error:
            raise UnreadableFile(_("This is not an XLSX file.")) from error
        if unpacked > MAX_UNPACKED_XLSX_BYTES:
            raise UnreadableFile(_("The file is too large to import at once: import it in parts."))
        try:
            # data_only=False: a formula cell comes in as its formula, and is refused in its
            # row, instead of as an empty cell or a value computed some time ago.
            book = load_workbook(io.BytesIO(in_stream), read_only=True, data_only=False)
        except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
            raise UnreadableFile(_("This is not an XLSX file.")) from error
        try:
            return limited_dataset(book.active.iter_rows(values_only=True))
        finally:
            book.close()

    def export_data(self, dataset, **kwargs):
        book = Workbook(write_only=False)
        sheet = book.active
        sheet.append(dataset.headers)
        for row in dataset:
            sheet.append(row)
        for cells in sheet.iter_rows(min_row=1):
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text, never a formula
        data = io.BytesIO()
        book.save(data)
        return data.getvalue()


# What coordinators import and export in the admin.
FORMATS = [CheckedCSV, CheckedXLSX]


class CheckedResource(resources.ModelResource):
    """Refuses unknown columns and formulas, and takes off the apostrophe an export put before
    a value a spreadsheet would run."""

    def before_import(self, dataset, **kwargs):
        known = [field.column_name for field in self.get_import_fields()]
        unknown = [name for name in dataset.headers if name not in known]
        missing = [name for name in self._meta.import_id_fields if name not in dataset.headers]
        if unknown or missing or len(set(dataset.headers)) != len(dataset.headers):
            raise UnreadableFile(
                _(
                    "The first row must name the columns, each once, from: %(known)s. "
                    "Unknown: %(unknown)s. Missing: %(missing)s."
                )
                % {
                    "known": ", ".join(known),
                    "unknown": ", ".join(unknown) or "-",
                    "missing": ", ".join(missing) or "-",
                }
            )
        super().before_import(dataset, **kwargs)

    def before_import_row(self, row, **kwargs):
        errors = {}
        for name, value in row.items():
            if isinstance(value, str) and value.startswith("="):
                errors[name] = _("A formula cannot be imported: type the value itself.")
            elif isinstance(value, str) and value[:1] == "'" and value[1:2] in FORMULA_START:
                row[name] = value[1:]
        if errors:
            raise ValidationError(errors)
        super().before_import_row(row, **kwargs)


class CheckedImportForm(ImportForm):
    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s; import at most %(limit)s at a time.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_IMPORT_BYTES)}
            )
        return upload


class CheckedImportExportMixin(ImportExportAdminMixin):
    """The admin's import and export with the checks above, and messages a coordinator reads."""

    formats = FORMATS
    import_form_class = CheckedImportForm

    def add_data_read_fail_error_to_form(self, form, error):
        if isinstance(error, UnreadableFile):
            message = str(error)
        elif isinstance(error, UnicodeDecodeError):
            message = UNREADABLE_ENCODING
        else:
            message = gettext_lazy(
                "This file could not be read. Choose the format it has (CSV or XLSX)."
            )
        form.add_error("import_file", message)
