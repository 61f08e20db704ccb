from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.SignInView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", views.account, name="account"),
    path("account/password/", views.PasswordChangeView.as_view(), name="password-change"),
    path("account/token/", views.account_token_issue, name="account-token-issue"),
    path("account/token/revoke/", views.account_token_revoke, name="account-token-revoke"),
]
