"""The API's content negotiation answers a call that accepts anything with the first
renderer, as DRF's own does; every other Accept header is DRF's to negotiate."""

from __future__ import annotations

import pytest
from django.http import Http404
from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from hrdd.negotiation import ContentNegotiation

RENDERERS = [JSONRenderer(), BrowsableAPIRenderer()]
ACCEPTS = [
    None,
    "*/*",
    "application/json",
    "text/html",
    "text/html, */*",
    "application/json; indent=4",
    "*/*; q=0.5",
    "",
    "image/png",
]


def chosen(negotiation, accept, query="", renderers=RENDERERS, suffix=None):
    headers = {} if accept is None else {"HTTP_ACCEPT": accept}
    request = Request(APIRequestFactory().get(f"/api/v1/opportunities/{query}", **headers))
    try:
        renderer, media_type = negotiation.select_renderer(request, renderers, suffix)
    except (exceptions.NotAcceptable, Http404) as exc:  # 404: a format no renderer has
        return type(exc).__name__
    return type(renderer).__name__, media_type


@pytest.mark.parametrize("accept", ACCEPTS)
@pytest.mark.parametrize("query", ["", "?format=json", "?format=api", "?format=csv"])
def test_the_renderer_chosen_is_the_one_drf_chooses(accept, query):
    assert chosen(ContentNegotiation(), accept, query) == chosen(
        DefaultContentNegotiation(), accept, query
    )


def test_a_format_suffix_and_a_first_renderer_of_any_type_are_drf_s_to_negotiate():
    assert chosen(ContentNegotiation(), None, suffix="api") == chosen(
        DefaultContentNegotiation(), None, suffix="api"
    )

    class AnyRenderer(JSONRenderer):
        media_type = "*/*"

    anything = [AnyRenderer(), JSONRenderer()]
    assert chosen(ContentNegotiation(), "*/*", renderers=anything) == chosen(
        DefaultContentNegotiation(), "*/*", renderers=anything
    )


@pytest.mark.django_db
def test_an_api_call_without_accept_is_answered_in_json(api, reviewer):
    r = api.as_user(reviewer).get("/api/v1/opportunities/")
    assert r.status_code == 200 and r["Content-Type"] == "application/json"
    r = api.as_user(reviewer).get("/api/v1/opportunities/", HTTP_ACCEPT="text/html")
    assert r.status_code == 200 and r["Content-Type"].startswith("text/html")
