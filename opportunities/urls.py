from django.urls import path

from . import views

urlpatterns = [
    path("deals/", views.opportunity_list_view, name="opportunity-list"),
    path("deals/new/", views.opportunity_register_view, name="opportunity-register"),
    path("deals/new/channel-row/", views.channel_row, name="opportunity-channel-row"),
    path("deals/new/line-row/", views.line_row, name="opportunity-line-row"),
    path("deals/<int:pk>/", views.opportunity_detail_view, name="opportunity-detail"),
    path("deals/<int:pk>/edit/", views.opportunity_edit_view, name="opportunity-edit"),
]
