"""Remembering a signed-in person's chosen language, for what is sent to them later
(emails and inbox notifications are written by a worker, with no request to read it from)."""

from __future__ import annotations

from django.conf import settings

from .models import User


class RememberLanguageMiddleware:
    """After the language switcher set its cookie, store the choice on the user once (one
    UPDATE when it changes; nothing on other requests)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        user = getattr(request, "user", None)
        if (
            chosen
            and chosen in dict(settings.LANGUAGES)
            and user is not None
            and user.is_authenticated
            and user.language != chosen
        ):
            User.objects.filter(pk=user.pk).update(language=chosen)
            user.language = chosen
        return self.get_response(request)
