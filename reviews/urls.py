from django.urls import path

from . import case_action_views, condition_views, list_views, precedent_views, views

urlpatterns = [
    path("reviews/", list_views.queue_view, name="review-queue"),
    path("reviews/mine/", list_views.mine_view, name="review-mine"),
    path("reviews/cases/<int:pk>/", views.case_view, name="review-case"),
    path("reviews/cases/<int:pk>/history.csv", views.case_history_csv, name="review-case-history"),
    path("reviews/cases/<int:pk>/claim/", views.claim_view, name="review-claim"),
    path("reviews/cases/<int:pk>/assign/", views.assign_view, name="review-assign"),
    path("reviews/assign/", views.bulk_assign_view, name="review-bulk-assign"),
    path(
        "reviews/cases/<int:pk>/request-information/",
        case_action_views.request_information_view,
        name="review-request-information",
    ),
    path(
        "reviews/cases/<int:pk>/recommend/",
        case_action_views.recommend_view,
        name="review-recommend",
    ),
    path(
        "reviews/cases/<int:pk>/send-back/",
        case_action_views.send_back_view,
        name="review-send-back",
    ),
    path("reviews/cases/<int:pk>/decide/", case_action_views.decide_view, name="review-decide"),
    path(
        "reviews/cases/<int:pk>/escalate/", case_action_views.escalate_view, name="review-escalate"
    ),
    path(
        "reviews/cases/<int:pk>/clear-hard-stop/",
        case_action_views.clear_hard_stop_view,
        name="review-clear-hard-stop",
    ),
    path("reviews/requests/<int:pk>/answer/", views.answer_view, name="review-answer"),
    path("reviews/requests/<int:pk>/attachment/", views.attachment_view, name="review-attachment"),
    path("reviews/conditions/", list_views.conditions_view, name="review-conditions"),
    path(
        "reviews/conditions/<int:pk>/fulfil/",
        condition_views.condition_fulfil_view,
        name="review-condition-fulfil",
    ),
    path(
        "reviews/conditions/<int:pk>/verify/",
        condition_views.condition_verify_view,
        name="review-condition-verify",
    ),
    path(
        "reviews/conditions/<int:pk>/reject/",
        condition_views.condition_reject_view,
        name="review-condition-reject",
    ),
    path("reviews/settings/targets/", views.sla_view, name="review-sla"),
    path(
        "reviews/precedents/inconsistent/",
        precedent_views.inconsistent_decisions_view,
        name="review-inconsistent-decisions",
    ),
    path("inbox/", list_views.inbox_view, name="inbox"),
    path("inbox/read/", condition_views.inbox_read_view, name="inbox-read"),
    path("inbox/<int:pk>/", condition_views.inbox_open_view, name="inbox-open"),
]
