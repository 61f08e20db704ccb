from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_POST
from rest_framework.authtoken.models import Token

from onboarding.services import installation_has_no_user

from .authentication import token_expires_at
from .services import user_token_issue, user_tokens_revoke


def home(request):
    """Reviewers land on their queue, everyone else on their deals; the first visit of a
    fresh installation (nobody has an account) lands on its set-up."""
    if not request.user.is_authenticated:
        if installation_has_no_user():
            return redirect("installation-setup")
        return redirect_to_login(request.get_full_path())
    if request.user.is_reviewer:
        try:
            return redirect("review-queue")
        except Exception:  # the review app's pages may not be installed in a minimal setup
            pass
    return redirect("opportunity-list")


@login_required
def account(request):
    """The signed-in user's page: who they are, their API token, their password."""
    token = Token.objects.filter(user=request.user).first()
    return render(
        request,
        "accounts/account.html",
        {
            "token": token,
            "token_expires_at": token and token_expires_at(token.created),
            "token_expired": bool(token) and token_expires_at(token.created) <= timezone.now(),
            "new_token": request.session.pop("new_api_token", None),
        },
    )


@login_required
@require_POST
def account_token_issue(request):
    token = user_token_issue(user=request.user)
    # shown once, on the next page, not kept in the page's URL or history
    request.session["new_api_token"] = token.key
    return redirect("account")


@login_required
@require_POST
def account_token_revoke(request):
    if user_tokens_revoke(
        user=request.user, actor=request.user, reason="revoked on the account page"
    ):
        messages.success(
            request, "Your API token is revoked: integrations using it must sign in again."
        )
    return redirect("account")


class SignInView(auth_views.LoginView):
    """The sign-in page: the single sign-on button when it is configured, the password
    form unless PASSWORD_SIGNIN_ENABLED is off (then a posted password is refused before
    any check, so it neither signs in nor counts as a failure)."""

    def get_context_data(self, **kwargs):

        return {
            **super().get_context_data(**kwargs),
            "fresh_installation": installation_has_no_user(),  # offer the set-up
            "sso_enabled": settings.OIDC_ENABLED,
            "sso_name": settings.OIDC_PROVIDER_NAME,
            "password_enabled": settings.PASSWORD_SIGNIN_ENABLED,
        }

    def post(self, request, *args, **kwargs):
        if not settings.PASSWORD_SIGNIN_ENABLED:
            messages.error(request, "Password sign-in is off here: use single sign-on.")
            return self.render_to_response(self.get_context_data(), status=403)
        return super().post(request, *args, **kwargs)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("account")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, "Password changed. Your API tokens were revoked.")
        return response


def signin_client_address(request) -> str | None:
    """The address failed sign-ins are counted against.

    Behind SIGNIN_TRUSTED_PROXIES reverse proxies, every request comes from a proxy; the
    client is the address that many entries from the right of X-Forwarded-For (entries
    further left are whatever the client sent, so never trusted).
    """
    proxies = settings.SIGNIN_TRUSTED_PROXIES
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def signin_locked_out(request, response=None, credentials=None):
    """What django-axes answers once a username or an address has failed too often."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = (
        f"Too many failed sign-ins. Try again in {minutes} minutes, or ask an admin to "
        "unlock the account."
    )
    headers = {"Retry-After": str(minutes * 60)}
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message, "errors": {}}, status=429, headers=headers)
    page = render(request, "registration/locked_out.html", {"message": message}, status=429)
    page["Retry-After"] = headers["Retry-After"]
    return page


def csrf_failure(request, reason=""):
    """A refused form (an expired page, or one posted from elsewhere), in our own page."""
    message = (
        "This form has expired or did not come from this site. Go back, reload the page "
        "and try again."
    )
    return render(request, "403.html", {"exception": message}, status=403)
