"""The application's URLs plus one that fails, to see the server-error page."""

from django.urls import path

from hrdd.urls import urlpatterns as app_urlpatterns


def boom(request):
    raise RuntimeError("secret internals: SELECT * FROM audit_auditevent")


urlpatterns = [path("boom/", boom), *app_urlpatterns]
