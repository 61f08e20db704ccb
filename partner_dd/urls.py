from django.urls import path

from . import views

urlpatterns = [
    path("partners/", views.partner_list_view, name="partner-list"),
    path("partners/<int:pk>/", views.partner_profile_view, name="partner-profile"),
    path(
        "deals/<int:pk>/invite-partner/",
        views.opportunity_partner_invite_view,
        name="deal-partner-invite",
    ),
    path("partners/<int:pk>/parent/", views.affiliation_record_view, name="partner-parent"),
    path(
        "partners/<int:pk>/due-diligence/send/",
        views.questionnaire_send_view,
        name="partner-dd-send",
    ),
    path("partners/due-diligence/<int:pk>/", views.questionnaire_view, name="partner-dd"),
    path(
        "partners/due-diligence/<int:pk>/evidence/",
        views.evidence_upload_view,
        name="partner-dd-evidence-upload",
    ),
    path(
        "partners/due-diligence/<int:pk>/submit/",
        views.questionnaire_submit_view,
        name="partner-dd-submit",
    ),
    path(
        "partners/due-diligence/<int:pk>/decline/",
        views.questionnaire_decline_view,
        name="partner-dd-decline",
    ),
    path(
        "partners/due-diligence/<int:pk>/accept/",
        views.questionnaire_accept_view,
        name="partner-dd-accept",
    ),
    path(
        "partners/due-diligence/<int:pk>/return/",
        views.questionnaire_return_view,
        name="partner-dd-return",
    ),
    path(
        "partners/due-diligence/<int:pk>/export.json",
        views.questionnaire_export_view,
        name="partner-dd-export",
    ),
    path(
        "partners/due-diligence/import/", views.questionnaire_import_view, name="partner-dd-import"
    ),
    path(
        "partners/due-diligence/evidence/<int:pk>/",
        views.evidence_download_view,
        name="partner-dd-evidence",
    ),
]
