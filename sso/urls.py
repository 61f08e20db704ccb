from django.urls import path

from . import views

urlpatterns = [
    path("sso/start/", views.SsoStart.as_view(), name="oidc_authentication_init"),
    path("sso/callback/", views.SsoCallback.as_view(), name="oidc_authentication_callback"),
]
