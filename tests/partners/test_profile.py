"""The partner profile: description, contact details and logo, edited by the partner's staff."""

import io
import os
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from partners.models import Partner
from tests.aanbod.staff import form_data, formset_data
from tests.mail import committed


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def image_file(name="logo.png", size=(200, 100), image_format="PNG", noise=False):
    if noise:
        image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    else:
        image = Image.new("RGB", size, (0, 90, 140))
    buffer = io.BytesIO()
    image.save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def changes(partner):
    return partner.history.filter(history_type="~").count()


def profile_url(partner):
    return reverse("portal:profile", args=[partner.slug])


def profile_data(**overrides):
    return {
        "description": "Wij ondersteunen gezinnen.",
        "email": "info@gezinsbond.be",
        "phone": "+32 16 12 34 56",
        "website": "gezinsbond.be",
        "address": "Naamsestraat 1, 3000 Leuven",
        **overrides,
    }


def test_a_member_sees_the_profile_form(client, editor, partner, django_assert_max_num_queries):
    client.force_login(editor)
    with django_assert_max_num_queries(10):
        response = client.get(profile_url(partner))
    assert response.status_code == 200
    assert set(response.context["form"].fields) == {
        "description",
        "email",
        "phone",
        "website",
        "address",
        "logo",
    }


def test_an_editor_saves_the_contact_details(client, editor, partner):
    client.force_login(editor)
    response = client.post(profile_url(partner), profile_data())
    assert response.status_code == 302
    assert response["Location"] == profile_url(partner)
    partner.refresh_from_db()
    assert partner.description == "Wij ondersteunen gezinnen."
    assert partner.email == "info@gezinsbond.be"
    assert partner.phone == "+32 16 12 34 56"
    assert partner.website == "https://gezinsbond.be"
    assert partner.address == "Naamsestraat 1, 3000 Leuven"


def test_the_page_says_who_changed_it_last(client, editor, partner):
    editor.first_name, editor.last_name = "Els", "Janssens"
    editor.save()
    client.force_login(editor)
    client.post(profile_url(partner), profile_data())
    response = client.get(profile_url(partner))
    assert response.context["last_change"].history_user == editor
    assert "Laatst gewijzigd door Els Janssens op" in response.content.decode()


def test_name_slug_status_and_partner_since_are_for_coordinators(client, manager, partner):
    client.force_login(manager)
    client.post(
        profile_url(partner),
        profile_data(name="Other name", slug="other", status="former", partner_since="2000-01-01"),
    )
    partner.refresh_from_db()
    assert (partner.name, partner.slug, partner.status, partner.partner_since) == (
        "Gezinsbond vzw",
        "gezinsbond",
        Partner.Status.ACTIVE,
        None,
    )


def test_a_double_submit_saves_once(client, editor, partner):
    client.force_login(editor)
    client.post(profile_url(partner), profile_data())
    response = client.post(profile_url(partner), profile_data())
    assert response.status_code == 302
    assert changes(partner) == 1
    assert [m.level_tag for m in client.get(profile_url(partner)).context["messages"]] == [
        "success",
        "info",
    ]


def test_errors_keep_what_was_typed_and_save_nothing(client, editor, partner):
    client.force_login(editor)
    response = client.post(
        profile_url(partner), profile_data(email="not an address", phone="call me maybe")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error("email")
    assert form.has_error("phone", code="invalid_phone")
    content = response.content.decode()
    assert "Wij ondersteunen gezinnen." in content
    assert 'value="call me maybe"' in content
    partner.refresh_from_db()
    assert partner.description == ""
    assert changes(partner) == 0


def logos(media_root):
    folder = media_root / "partners" / "logos"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_a_valid_logo_is_stored_under_a_random_name(client, editor, partner, media_root):
    client.force_login(editor)
    response = client.post(
        profile_url(partner), profile_data(logo=image_file("My Logo (final).png"))
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert re.fullmatch(r"partners/logos/[\w-]{16}\.png", partner.logo.name)
    assert logos(media_root) == [media_root / partner.logo.name]
    page = client.get(profile_url(partner)).content.decode()
    assert partner.logo.url in page


@pytest.mark.parametrize(
    ("image_format", "extension"), [("JPEG", "webp"), ("WEBP", "webp"), ("PNG", "png")]
)
def test_a_png_stays_png_and_the_rest_becomes_webp(
    client, editor, partner, image_format, extension
):
    client.force_login(editor)
    client.post(
        profile_url(partner), profile_data(logo=image_file("logo.png", image_format=image_format))
    )
    partner.refresh_from_db()
    assert partner.logo.name.endswith(f".{extension}")
    with Image.open(partner.logo.path) as stored:
        assert stored.format == extension.upper()
        assert stored.size == (200, 100)


def test_a_png_html_polyglot_is_stored_as_its_pixels_only(client, editor, partner):
    payload = b"<html><script>alert(document.cookie)</script></html>"
    upload = image_file()
    polyglot = SimpleUploadedFile("logo.png", upload.read() + payload, content_type="image/png")
    client.force_login(editor)
    assert client.post(profile_url(partner), profile_data(logo=polyglot)).status_code == 302
    partner.refresh_from_db()
    stored = Path(partner.logo.path).read_bytes()
    assert b"<html" not in stored
    assert b"<script" not in stored
    assert stored.endswith(b"IEND\xaeB`\x82")  # the last chunk of a PNG, nothing after it


def test_metadata_is_dropped_and_transparency_kept(client, editor, partner):
    image = Image.new("RGBA", (100, 100), (0, 90, 140, 0))
    exif = Image.Exif()
    exif[0x010E] = "Secret description"  # ImageDescription
    buffer = io.BytesIO()
    image.save(buffer, format="WEBP", exif=exif, lossless=True)
    client.force_login(editor)
    upload = SimpleUploadedFile("logo.webp", buffer.getvalue(), content_type="image/webp")
    client.post(profile_url(partner), profile_data(logo=upload))
    partner.refresh_from_db()
    with Image.open(partner.logo.path) as stored:
        assert "exif" not in stored.info
        assert stored.mode == "RGBA"
        assert stored.getpixel((0, 0))[3] == 0
    assert b"Secret description" not in Path(partner.logo.path).read_bytes()


def test_a_replaced_logo_is_deleted(client, editor, partner, media_root):
    client.force_login(editor)
    client.post(profile_url(partner), profile_data(logo=image_file()))
    partner.refresh_from_db()
    first = media_root / partner.logo.name
    with committed():
        client.post(profile_url(partner), profile_data(logo=image_file(size=(300, 100))))
    partner.refresh_from_db()
    assert not first.exists()
    assert logos(media_root) == [media_root / partner.logo.name]


def test_the_same_logo_uploaded_twice_is_stored_once(client, editor, partner, media_root):
    client.force_login(editor)
    client.post(profile_url(partner), profile_data(logo=image_file()))
    client.post(profile_url(partner), profile_data(logo=image_file()))
    assert len(logos(media_root)) == 1
    assert changes(partner) == 1


def test_the_logo_can_be_removed(client, editor, partner, media_root):
    client.force_login(editor)
    client.post(profile_url(partner), profile_data(logo=image_file()))
    with committed():
        client.post(profile_url(partner), profile_data(**{"logo-clear": "on"}))
    partner.refresh_from_db()
    assert not partner.logo
    assert logos(media_root) == []


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (lambda: SimpleUploadedFile("logo.png", b"just some text", "image/png"), "invalid_image"),
        (lambda: image_file(size=(1024, 1024), noise=True), "too_large"),
        (lambda: image_file(size=(10, 10)), "too_small_image"),
        (lambda: image_file(size=(40, 200)), "too_small_image"),
        (lambda: image_file(size=(4100, 100)), "too_big_image"),
        (lambda: image_file("logo.gif", image_format="GIF"), "format"),
        (lambda: image_file("logo.bmp", image_format="BMP"), "format"),
    ],
    ids=["text named png", "3 MB", "10x10", "too narrow", "too wide", "gif", "bmp"],
)
def test_a_bad_logo_is_refused_with_a_clear_message(
    client, editor, partner, media_root, upload, code
):
    file = upload()
    if code == "too_large":
        assert file.size > 3 * 1024 * 1024 * 0.95
    client.force_login(editor)
    response = client.post(profile_url(partner), profile_data(logo=file))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error("logo", code=code), form.errors.as_data()
    content = response.content.decode()
    assert "Kies het bestand dan opnieuw" in content
    assert "Wij ondersteunen gezinnen." in content
    partner.refresh_from_db()
    assert not partner.logo
    assert partner.description == ""
    assert not (media_root / "partners").exists()


def test_a_refused_form_still_shows_the_current_logo(client, editor, partner):
    client.force_login(editor)
    client.post(profile_url(partner), profile_data(logo=image_file()))
    stored = Partner.objects.get(pk=partner.pk).logo.name
    response = client.post(
        profile_url(partner), profile_data(email="wrong", logo=image_file(size=(300, 300)))
    )
    assert response.context["partner"].logo.name == stored


def test_an_outsider_gets_404_and_changes_nothing(client, outsider, partner):
    client.force_login(outsider)
    assert client.get(profile_url(partner)).status_code == 404
    assert client.post(profile_url(partner), profile_data()).status_code == 404
    partner.refresh_from_db()
    assert partner.description == ""


def test_a_coordinator_edits_any_profile(client, coordinator, partner):
    client.force_login(coordinator)
    assert client.post(profile_url(partner), profile_data()).status_code == 302
    partner.refresh_from_db()
    assert partner.email == "info@gezinsbond.be"


def test_a_deleted_partners_logo_is_deleted(admin_client, partner, media_root):
    partner.logo = image_file()
    partner.save()
    stored = media_root / partner.logo.name
    assert stored.exists()
    with committed():
        response = admin_client.post(
            reverse("admin:partners_partner_delete", args=[partner.pk]), {"post": "yes"}
        )
    assert response.status_code == 302
    assert not Partner.objects.filter(pk=partner.pk).exists()
    assert not stored.exists()


def test_a_logo_uploaded_in_the_admin_is_redrawn_too(admin_client, partner):
    url = reverse("admin:partners_partner_change", args=[partner.pk])
    page = admin_client.get(url).context
    data = form_data(page["adminform"].form)
    for inline in page["inline_admin_formsets"]:
        data |= formset_data(inline.formset)
    polyglot = image_file().read() + b"<html><script>alert(1)</script>"
    data["logo"] = SimpleUploadedFile("x.png.html", polyglot, content_type="text/html")
    assert admin_client.post(url, data).status_code == 302
    partner.refresh_from_db()
    assert partner.logo.name.endswith(".png")
    assert b"<script" not in Path(partner.logo.path).read_bytes()
