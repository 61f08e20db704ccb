from django.urls import path

from . import api

urlpatterns = [
    path("reviews/cases/", api.CaseListApi.as_view(), name="api-review-case-list"),
    path("reviews/cases/<int:pk>/", api.CaseDetailApi.as_view(), name="api-review-case-detail"),
    path("reviews/cases/<int:pk>/claim/", api.CaseClaimApi.as_view(), name="api-review-claim"),
    path("reviews/cases/<int:pk>/assign/", api.CaseAssignApi.as_view(), name="api-review-assign"),
    path(
        "reviews/cases/<int:pk>/request-information/",
        api.CaseRequestInformationApi.as_view(),
        name="api-review-request-information",
    ),
    path("reviews/cases/<int:pk>/answer/", api.CaseAnswerApi.as_view(), name="api-review-answer"),
    path(
        "reviews/cases/<int:pk>/recommend/",
        api.CaseRecommendApi.as_view(),
        name="api-review-recommend",
    ),
    path("reviews/cases/<int:pk>/decide/", api.CaseDecideApi.as_view(), name="api-review-decide"),
    path(
        "reviews/cases/<int:pk>/escalate/",
        api.CaseEscalateApi.as_view(),
        name="api-review-escalate",
    ),
    path("reviews/conditions/", api.ConditionListApi.as_view(), name="api-review-condition-list"),
    path(
        "reviews/conditions/<int:pk>/fulfil/",
        api.ConditionFulfilApi.as_view(),
        name="api-review-condition-fulfil",
    ),
    path(
        "reviews/conditions/<int:pk>/verify/",
        api.ConditionVerifyApi.as_view(),
        name="api-review-condition-verify",
    ),
    path("inbox/", api.NotificationListApi.as_view(), name="api-inbox"),
    path("reviews/mitigations/", api.MitigationListApi.as_view(), name="api-review-mitigations"),
]
