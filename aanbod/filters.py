"""django-filter FilterSets of the public pages. Every filter reads the GET query string, so a
filtered page is a shareable, bookmarkable URL that works without JavaScript."""
