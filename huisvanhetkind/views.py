import re
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models.functions import Lower
from django.shortcuts import render
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.i18n import set_language as django_set_language

from aanbod.models import AgeBand, Location, Pillar, Session
from partners.models import Declaration, Partner

HOME_AGENDA_SIZE = 5
BOLD = re.compile(r"\*\*(.+?)\*\*")


def home(request):
    return render(
        request,
        "home.html",
        {
            "age_bands": AgeBand.choices,
            "pillars": Pillar.objects.all(),
            "huizen": Location.objects.filter(kind=Location.Kind.HUIS_VAN_HET_KIND),
            "sessions": Session.objects.upcoming()
            .filter(is_cancelled=False)
            .select_related("offer", "location")[:HOME_AGENDA_SIZE],
        },
    )


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


def about(request):
    declaration = Declaration.objects.order_by("-effective_from").first()
    signatures = (
        declaration.signatures.select_related("partner").order_by(Lower("partner__name"))
        if declaration
        else []
    )
    return render(
        request,
        "about.html",
        {
            "declaration": declaration,
            "declaration_html": (
                declaration_html(declaration.text, declaration.title) if declaration else ""
            ),
            "signatures": signatures,
            "pillars": Pillar.objects.filter(is_basic=True),
            "former": Partner.Status.FORMER,
        },
    )


def set_language(request):
    """Django's set_language, with `next` read in the language of its own URL.

    Django translates `next` by resolving it in the active language, which comes from the
    cookie. A visitor who opened a shared /en/ link without that cookie would stay on /en/
    after choosing Dutch; so resolve `next` in the language its prefix names (none: Dutch).
    """
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    language = translation.get_language_from_path(urlsplit(next_url).path)
    with translation.override(language or settings.LANGUAGE_CODE):
        return django_set_language(request)
