"""The first visit of a fresh installation: a page that sets up the vendor organisation and
the first admin, offered only while nobody has an account (afterwards: not found), and only
to whoever can read the server's log: its first visit prints a one-time setup code there."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_protect

from hrdd.errors import ApplicationError
from taxonomy.countries import country_choices

from .services import installation_has_no_user, installation_setup, setup_code_issue

FIELDS = (
    "setup_code",
    "vendor_name",
    "vendor_country",
    "username",
    "email",
    "first_name",
    "last_name",
)


@csrf_protect
def setup_view(request):
    if not installation_has_no_user():
        raise Http404
    values = {f: (request.POST.get(f) or "").strip() for f in FIELDS}
    errors: dict[str, str] = {}
    status = 400  # a refused form; 429 past the wrong codes' limit
    if request.method != "POST":
        setup_code_issue(url=request.build_absolute_uri(), only_if_none=True)
    else:
        password = request.POST.get("password") or ""
        if password != (request.POST.get("password_again") or ""):
            errors["password_again"] = "The two passwords differ."
        else:
            try:
                admin = installation_setup(
                    vendor_name=values["vendor_name"],
                    vendor_country=values["vendor_country"],
                    username=values["username"],
                    email=values["email"],
                    password=password,
                    first_name=values["first_name"],
                    last_name=values["last_name"],
                    via="web",
                    setup_code=values["setup_code"],
                )
            except ApplicationError as exc:
                if exc.status_code == 409:  # someone else set it up a moment ago
                    raise Http404 from None
                status = exc.status_code
                errors = {
                    **exc.errors,
                    "vendor_country": exc.errors.get("vendor_country")
                    and "Choose the vendor's country.",
                }
                errors = {k: v for k, v in errors.items() if v}
            else:
                messages.success(
                    request,
                    f"{admin.organisation.name} is set up. Sign in as {admin.username} to "
                    "invite your colleagues and partners.",
                )
                return redirect("login")
    return render(
        request,
        "onboarding/setup.html",
        {
            "v": values,
            "errors": errors,
            "countries": country_choices(),
        },
        status=status if errors else 200,
    )
