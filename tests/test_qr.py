"""The QR code helper: an accessible inline SVG that encodes exactly the address given."""

import segno

from common.qr import qr_svg


def test_a_qr_code_is_an_accessible_inline_svg_of_the_address():
    svg = qr_svg("https://example.org/aanbod/spelotheek/", title="Naar Spelotheek")
    assert svg.startswith('<svg role="img" ')
    assert "<title>Naar Spelotheek</title>" in svg
    assert "<?xml" not in svg and "style=" not in svg
    # The symbol drawn is segno's encoding of that address, at the error level we chose.
    qr = segno.make("https://example.org/aanbod/spelotheek/", error="m")
    assert f'width="{(qr.symbol_size()[0]) * 3}"' in svg
    assert svg != qr_svg("https://example.org/aanbod/andere/", title="Naar Spelotheek")


def test_the_title_is_escaped():
    svg = qr_svg("https://example.org/", title='<b>"x"</b>')
    assert "<b>" not in svg and "&lt;b&gt;" in svg
