from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

api_v1 = [
    path("", include("accounts.api_urls")),
    path("", include("opportunities.api_urls")),
    path("", include("channel_imports.api_urls")),
    path("", include("restricted_parties.api_urls")),
    path("", include("reviews.api_urls")),
    path("", include("monitoring.api_urls")),
    path("", include("grievances.api_urls")),
]

handler500 = "hrdd.api.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    # browsers ask for /favicon.ico whatever the page links: send them to the icon
    path(
        "favicon.ico",
        RedirectView.as_view(url=static("favicon.svg"), permanent=True),
        name="favicon",
    ),
    path("i18n/", include("django.conf.urls.i18n")),  # the language switcher posts here
    path("", include("operations.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its start-up script as a file: no inline script under the CSP.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    path("api/v1/", include(api_v1)),
    path("", include("onboarding.urls")),  # the first visit of a fresh installation
    path("", include("accounts.urls")),
    path("", include("sso.urls")),
    path("", include("opportunities.urls")),
    path("", include("channel_imports.urls")),
    path("", include("rules.urls")),
    path("", include("restricted_parties.urls")),
    path("", include("reviews.urls")),
    path("", include("dashboards.urls")),
    path("", include("saved_views.urls")),
    path("", include("partner_dd.urls")),
    path("", include("records.urls")),
    path("", include("monitoring.urls")),
    path("", include("grievances.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]
