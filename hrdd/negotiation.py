"""The API's content negotiation (its own module: DRF reads the setting while its views
module is still being imported, so this may import nothing that imports those views)."""

from __future__ import annotations

from rest_framework.negotiation import DefaultContentNegotiation


class ContentNegotiation(DefaultContentNegotiation):
    """DRF's, answering a call that accepts anything (no `Accept` header, or `*/*`, and no
    `?format=`) with the first renderer, as DRF's own rules do, without parsing the header
    into media types and matching them against every renderer (about a twentieth of a
    deal detail's CPU). Any other `Accept` is negotiated by DRF."""

    def select_renderer(self, request, renderers, format_suffix=None):
        if (
            renderers
            and not format_suffix
            and request.META.get("HTTP_ACCEPT", "*/*") == "*/*"
            and "*" not in renderers[0].media_type
            and not request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        ):
            return renderers[0], renderers[0].media_type
        return super().select_renderer(request, renderers, format_suffix)
