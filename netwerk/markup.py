"""Minutes and reports are written in Markdown and shown as sanitised HTML.

Markdown is what coordinators can type without a rich-text editor (no JavaScript needed);
nh3 (the Ammonia sanitiser) then keeps only harmless tags, so pasted HTML or scripts never
reach a page.
"""

import re

import markdown
import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "hr",
    "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
HEADING = re.compile(r"<(/?)h([1-6])\b")


def _demote_headings(html):
    # The page already has its h1 and h2; a "# Title" in the text becomes an h3.
    return HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 2, 6)}", html)


def render(text):
    """Markdown text → safe HTML."""
    if not text:
        return ""
    html = markdown.markdown(text, extensions=["sane_lists", "tables"], output_format="html")
    clean = nh3.clean(
        _demote_headings(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above
