"""Uploaded images, stored as pixels only."""

import io
import secrets

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image, ImageOps


def redrawn(image_file):
    """An uploaded image (checked by forms.ImageField) drawn anew by Pillow, under a random name.

    Only the pixels are kept: no metadata (EXIF, with its GPS position), and nothing that
    followed or hid in the image in the file, such as an HTML page of a PNG+HTML polyglot. A
    PNG stays PNG (lossless); anything else becomes WebP. Both keep transparency.
    """
    image_file.seek(0)
    with Image.open(image_file) as image:
        image_format = "PNG" if image.format == "PNG" else "WEBP"
        image = ImageOps.exif_transpose(image)  # a photo stays upright without its EXIF
        if image.mode not in ("RGB", "RGBA", "L", "LA") or (
            image_format == "WEBP" and image.mode in ("L", "LA")
        ):
            has_alpha = image.has_transparency_data
            image = image.convert("RGBA" if has_alpha else "RGB")
        buffer = io.BytesIO()
        if image_format == "PNG":
            image.save(buffer, format="PNG", optimize=True)
        else:
            image.save(buffer, format="WEBP", quality=90, method=4)
    name = f"{secrets.token_urlsafe(12)}.{image_format.lower()}"
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{image_format.lower()}")


def delete_after_commit(storage, name):
    """Delete a stored file once the transaction that stopped using it commits; when it rolls
    back, the file stays with the row that still names it."""
    if name:
        transaction.on_commit(lambda: storage.delete(name))
