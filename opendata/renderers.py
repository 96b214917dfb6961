import json

from rest_framework.renderers import BaseRenderer


class NDJSONRenderer(BaseRenderer):
    """?format=ndjson: newline-delimited JSON, one HSDS object per line."""

    media_type = "application/x-ndjson"
    format = "ndjson"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        rows = data if isinstance(data, list) else [data]
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode()
