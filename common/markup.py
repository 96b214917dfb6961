"""Text that people type in Markdown, shown as sanitised HTML: meeting minutes, workgroup
reports and offer descriptions; and the engagement declaration, kept as it was copied.

Markdown is what staff and coordinators can type without a rich-text editor (no JavaScript
needed); nh3 (the Ammonia sanitiser) then keeps only harmless tags and attributes, so pasted
HTML, scripts, styles, event handlers and javascript: links never reach a page.
"""

import re

import markdown
import nh3
from django.utils.html import escape
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "hr",
    "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
HEADING = re.compile(r"<(/?)h([1-6])\b")
LIST_ITEM = r"[ \t]*(?:[-*+]|\d+[.)])[ \t]"
# A line of text directly followed by a list item (Markdown wants a blank line between).
TEXT_BEFORE_LIST = re.compile(rf"^((?!{LIST_ITEM}).*\S.*)\n(?={LIST_ITEM})", re.MULTILINE)
BOLD = re.compile(r"\*\*(.+?)\*\*")


def _demote_headings(html):
    # The page already has its h1 and h2; a "# Title" in the text becomes an h3.
    return HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 2, 6)}", html)


def render(text, *, line_breaks=False):
    """Markdown text → safe HTML. With line_breaks, text is read as people who never heard of
    Markdown type it: a single Enter starts a new line, and lines starting with "- " make a
    list even without a blank line before them."""
    if not text:
        return ""
    extensions = ["sane_lists", "tables"]
    if line_breaks:
        extensions.append("nl2br")
        text = TEXT_BEFORE_LIST.sub(r"\1\n\n", text.replace("\r\n", "\n"))
    html = markdown.markdown(text, extensions=extensions, output_format="html")
    clean = nh3.clean(
        _demote_headings(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above


def declaration_html(text, title=""):
    """The declaration text as safe HTML: escaped, blank-line separated paragraphs, "- " lines
    as a list, and the source's **bold** markers as <strong>.

    The source was copied from a PDF, where a page break split "Leuven-centrum" into two
    paragraphs; a paragraph ending in a hyphen followed by one starting in lower case is one.
    """
    blocks = []
    for raw in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()):
        block = raw.strip()
        if blocks and blocks[-1].endswith("-") and block[:1].islower():
            blocks[-1] += block
        elif block:
            blocks.append(block)
    if blocks and title and blocks[0] == title.strip():
        blocks.pop(0)  # the page shows the title as its heading already

    html, paragraph, items = [], [], []
    for block in blocks:
        for line in filter(None, (line.strip() for line in block.split("\n"))):
            if line.startswith("- "):
                if paragraph:
                    html.append("<p>" + "<br>".join(map(_inline_html, paragraph)) + "</p>")
                    paragraph = []
                items.append(line[2:])
            else:
                if items:
                    html.append(_list_html(items))
                    items = []
                paragraph.append(line)
        # A blank line ends a paragraph, but not a list: list items may be spaced out.
        if paragraph:
            html.append("<p>" + "<br>".join(map(_inline_html, paragraph)) + "</p>")
            paragraph = []
    if items:
        html.append(_list_html(items))
    return mark_safe("\n".join(html))


def _inline_html(line):
    # Escape first: the ** markers survive escaping unchanged, and nothing else becomes HTML.
    return BOLD.sub(r"<strong>\1</strong>", escape(line))


def _list_html(items):
    return "<ul>" + "".join(f"<li>{_inline_html(item)}</li>" for item in items) + "</ul>"
