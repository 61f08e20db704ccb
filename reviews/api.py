"""REST API v1 for the review workflow: one thin view per operation over the same
services, selectors and permission rules as the pages."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from hrdd.errors import ApplicationError, PermissionDenied
from hrdd.params import MAX_ID
from hrdd.parsers import JSONParser
from lifecycle.services import review_answer
from rules.presentation import screening_for_viewer

from . import filters, policies, precedents, selectors, services
from .models import CaseCondition, ReviewCase

TAGS = ["reviews"]

# --- Output shapes -------------------------------------------------------------------------


class OpportunityRefOut(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    title = serializers.CharField()
    status = serializers.CharField()
    end_customer_name = serializers.CharField()
    end_customer_country = serializers.CharField()
    expected_close_date = serializers.DateField(allow_null=True)


class CaseOut(serializers.Serializer):
    id = serializers.IntegerField()
    opportunity = OpportunityRefOut()
    tier = serializers.CharField()
    status = serializers.CharField()
    escalation_level = serializers.IntegerField()
    assignee = serializers.CharField(source="assignee.username", default=None)
    opened_at = serializers.DateTimeField()
    due_at = serializers.DateTimeField(allow_null=True)
    effective_due_at = serializers.DateTimeField(allow_null=True)
    recommended_by = serializers.CharField(source="recommended_by.username", default=None)
    recommendation = serializers.CharField()
    closed_at = serializers.DateTimeField(allow_null=True)


class InformationRequestOut(serializers.Serializer):
    id = serializers.IntegerField()
    addressed_to = serializers.CharField(source="addressed_to.username")
    questions = serializers.CharField()
    asked_by = serializers.CharField(source="asked_by.username")
    asked_at = serializers.DateTimeField()
    due_date = serializers.DateField(allow_null=True)
    answer = serializers.CharField()
    answered_by = serializers.CharField(source="answered_by.username", default=None)
    answered_at = serializers.DateTimeField(allow_null=True)
    has_attachment = serializers.SerializerMethodField()

    def get_has_attachment(self, obj) -> bool:
        return bool(obj.attachment)


class ConditionOut(serializers.Serializer):
    id = serializers.IntegerField()
    case = serializers.IntegerField(source="case_id")
    opportunity = serializers.IntegerField(source="opportunity_id")
    mitigation = serializers.CharField(source="mitigation.code")
    name = serializers.CharField(source="mitigation.name")
    details = serializers.CharField()
    owner = serializers.CharField(source="owner.username")
    due_date = serializers.DateField()
    status = serializers.CharField()
    escalation_level = serializers.IntegerField()
    evidence_note = serializers.CharField()
    fulfilled_at = serializers.DateTimeField(allow_null=True)
    verified_at = serializers.DateTimeField(allow_null=True)


class DecisionOut(serializers.Serializer):
    outcome = serializers.CharField()
    decided_by = serializers.CharField(source="decided_by.username")
    decided_at = serializers.DateTimeField()
    recommended_by = serializers.CharField(source="recommended_by.username", default=None)
    tier = serializers.CharField()
    criteria_version = serializers.IntegerField(allow_null=True)
    screening_id = serializers.IntegerField()
    reasons = serializers.CharField()
    feedback = serializers.CharField()
    conditions = serializers.ListField(child=serializers.DictField())
    deal_snapshot = serializers.DictField()


class PrecedentOut(serializers.Serializer):
    reference = serializers.CharField(source="precedent.reference")
    opportunity = serializers.IntegerField(source="precedent.opportunity_id")
    decided_at = serializers.DateTimeField(source="precedent.decided_at")
    score = serializers.IntegerField(help_text="Similarity out of 100 (80 or more: close)")
    close = serializers.BooleanField()
    matched = serializers.ListField(child=serializers.CharField())
    outcome = serializers.CharField(source="precedent.outcome")
    reasons = serializers.CharField(source="decision.reasons", default="")
    conditions = serializers.ListField(source="decision.conditions", default=list)


class CaseDetailOut(CaseOut):
    recommendation_reasons = serializers.CharField()
    hard_stop_cleared_at = serializers.DateTimeField(allow_null=True)
    previous_case = serializers.IntegerField(source="previous_case_id", allow_null=True)
    screening = serializers.SerializerMethodField()
    information_requests = serializers.SerializerMethodField()
    conditions = serializers.SerializerMethodField()
    decision = serializers.SerializerMethodField()
    allowed_actions = serializers.SerializerMethodField()
    concerns = serializers.SerializerMethodField()
    precedents = serializers.SerializerMethodField()

    def get_screening(self, obj) -> dict | None:
        return screening_for_viewer(obj.opportunity.current_screening, self.context["request"].user)

    def get_information_requests(self, obj) -> list[dict]:
        return InformationRequestOut(selectors.case_information_requests(obj), many=True).data

    def get_conditions(self, obj) -> list[dict]:
        return ConditionOut(selectors.case_conditions(obj), many=True).data

    def get_decision(self, obj) -> dict | None:
        decision = getattr(obj, "decision", None) if not obj.is_open else None
        return DecisionOut(decision).data if decision else None

    def get_allowed_actions(self, obj) -> dict[str, bool]:
        return policies.allowed_actions(self.context["request"].user, obj)

    def get_concerns(self, obj) -> list[str]:
        return [c.summary for c in selectors.case_concerns(obj.opportunity)]

    @extend_schema_field(PrecedentOut(many=True))
    def get_precedents(self, obj):
        shown, _consensus = precedents.precedents_for_case(obj)
        return PrecedentOut(shown, many=True).data


# --- Reading ------------------------------------------------------------------------------


class CaseListApi(ListAPIView):
    """The review queue: open cases by default, most severe first, then least time left
    (the SLA target or the deal's expected close date, whichever is sooner). The filters
    are the queue page's (`filters.ReviewCaseFilter`): its query string works here."""

    serializer_class = CaseOut
    filterset_class = filters.ReviewCaseFilter

    @extend_schema(tags=TAGS)
    def get(self, request, *args, **kwargs):
        reason = policies.why_not_work_queue(request.user)
        if reason:
            raise PermissionDenied(reason)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.review_queue_scope(self.request.user)


def _case(request, pk: int) -> ReviewCase:
    case = selectors.review_case_get(user=request.user, pk=pk)
    if case is None:
        raise Http404
    return case


def _detail(request, pk: int, code: int = status.HTTP_200_OK) -> Response:
    return Response(
        CaseDetailOut(_case(request, pk), context={"request": request}).data, status=code
    )


class CaseDetailApi(APIView):
    """One case with the deal's screening, questions, conditions, decision and the
    actions you may take now."""

    @extend_schema(responses={200: CaseDetailOut}, tags=TAGS)
    def get(self, request, pk: int):
        return _detail(request, pk)


# --- Working a case ------------------------------------------------------------------------


class CaseClaimApi(APIView):
    """Claim an unassigned case. 409 if someone else claimed it first."""

    @extend_schema(request=None, responses={200: CaseDetailOut}, tags=TAGS)
    def post(self, request, pk: int):
        services.review_claim(case=_case(request, pk), actor=request.user)
        return _detail(request, pk)


class CaseAssignApi(APIView):
    """Assign the case to a reviewer (senior reviewers, committee and admins)."""

    class AssignIn(serializers.Serializer):
        assignee = serializers.IntegerField(min_value=1, max_value=MAX_ID)

    @extend_schema(request=AssignIn, responses={200: CaseDetailOut}, tags=TAGS)
    def post(self, request, pk: int):
        case = _case(request, pk)
        data = _valid(self.AssignIn, request)
        assignee = User.objects.filter(pk=data["assignee"], is_active=True).first()
        if assignee is None:
            raise ApplicationError("No such user.", errors={"assignee": "Unknown user."})
        services.review_assign(case=case, actor=request.user, assignee=assignee)
        return _detail(request, pk)


class CaseRequestInformationApi(APIView):
    """Ask the deal's rep or a partner user specific questions."""

    class RequestInformationIn(serializers.Serializer):
        questions = serializers.CharField(max_length=5000)
        addressed_to = serializers.IntegerField(
            required=False, allow_null=True, min_value=1, max_value=MAX_ID
        )
        due_date = serializers.DateField(
            required=False, allow_null=True, help_text="Default: five business days on"
        )

    @extend_schema(request=RequestInformationIn, responses={201: InformationRequestOut}, tags=TAGS)
    def post(self, request, pk: int):
        case = _case(request, pk)
        data = _valid(self.RequestInformationIn, request)
        addressed_to = None
        if data.get("addressed_to"):
            addressed_to = User.objects.filter(pk=data["addressed_to"], is_active=True).first()
            if addressed_to is None:
                raise ApplicationError("No such user.", errors={"addressed_to": "Unknown user."})
        info = services.review_request_information(
            case=case,
            actor=request.user,
            questions=data["questions"],
            addressed_to=addressed_to,
            due_date=data.get("due_date"),
        )
        return Response(InformationRequestOut(info).data, status=status.HTTP_201_CREATED)


class CaseAnswerApi(APIView):
    """The rep or partner answers the open question addressed to them (multipart for a
    pdf, png or jpg end-use certificate or statement)."""

    parser_classes = [JSONParser, MultiPartParser, FormParser]

    class AnswerIn(serializers.Serializer):
        request = serializers.IntegerField(
            required=False,
            min_value=1,
            max_value=MAX_ID,
            help_text="Which request (default: the open one)",
        )
        answer = serializers.CharField(max_length=10000)
        attachment = serializers.FileField(required=False)

    @extend_schema(request=AnswerIn, responses={200: InformationRequestOut}, tags=TAGS)
    def post(self, request, pk: int):
        data = _valid(self.AnswerIn, request)
        # A case with no open question for you is indistinguishable from no case at all:
        # a 409 here would tell a partner which deals are under review.
        info = selectors.answerable_request(user=request.user, case_pk=pk, pk=data.get("request"))
        if info is None:
            raise Http404
        info = review_answer(
            information_request=info,
            actor=request.user,
            answer=data["answer"],
            attachment=data.get("attachment"),
        )
        return Response(InformationRequestOut(info).data)


class CaseRecommendApi(APIView):
    """Recommend an outcome (the claiming reviewer); a second reviewer decides."""

    class RecommendIn(serializers.Serializer):
        outcome = serializers.ChoiceField(choices=ReviewCase.Outcome.choices)
        reasons = serializers.CharField(max_length=10000)

    @extend_schema(request=RecommendIn, responses={200: CaseDetailOut}, tags=TAGS)
    def post(self, request, pk: int):
        data = _valid(self.RecommendIn, request)
        services.review_recommend(case=_case(request, pk), actor=request.user, **data)
        return _detail(request, pk)


class ConditionIn(serializers.Serializer):
    mitigation = serializers.CharField(help_text="A mitigation code from the library")
    owner = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text="User id of the person who must fulfil it"
    )
    due_date = serializers.DateField(required=False)
    details = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class CaseDecideApi(APIView):
    """Decide: approve, approve_with_conditions or reject. Reasons always; feedback for
    the submitter on a rejection or conditions. The deal's status moves with it."""

    class DecideIn(serializers.Serializer):
        outcome = serializers.ChoiceField(choices=ReviewCase.Outcome.choices)
        reasons = serializers.CharField(max_length=10000)
        feedback = serializers.CharField(required=False, allow_blank=True, max_length=10000)
        conditions = ConditionIn(many=True, required=False)
        precedent_reason = serializers.CharField(
            required=False,
            allow_blank=True,
            max_length=5000,
            help_text="Required when the outcome differs from closely similar precedents",
        )

    @extend_schema(request=DecideIn, responses={200: CaseDetailOut}, tags=TAGS)
    def post(self, request, pk: int):
        data = _valid(self.DecideIn, request)
        services.review_decide(
            case=_case(request, pk),
            actor=request.user,
            outcome=data["outcome"],
            reasons=data["reasons"],
            feedback=data.get("feedback", ""),
            conditions=[dict(c) for c in data.get("conditions", [])],
            precedent_reason=data.get("precedent_reason", ""),
        )
        return _detail(request, pk)


class CaseEscalateApi(APIView):
    """Send the case up one level (compliance → senior → committee), unassigned there."""

    class EscalateIn(serializers.Serializer):
        reason = serializers.CharField(max_length=5000)

    @extend_schema(request=EscalateIn, responses={200: CaseDetailOut}, tags=TAGS)
    def post(self, request, pk: int):
        data = _valid(self.EscalateIn, request)
        services.review_escalate(case=_case(request, pk), actor=request.user, reason=data["reason"])
        return _detail(request, pk)


# --- Conditions --------------------------------------------------------------------------------


class ConditionListApi(ListAPIView):
    """Conditions of approvals: reviewers see all, anyone else the ones they own. The
    filters are the conditions page's (`filters.ConditionFilter`)."""

    serializer_class = ConditionOut
    filterset_class = filters.ConditionFilter

    @extend_schema(tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.conditions_scope(self.request.user)


class NotificationOut(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    body = serializers.CharField()
    url = serializers.CharField()
    created_at = serializers.DateTimeField()
    read_at = serializers.DateTimeField(allow_null=True)


class NotificationListApi(ListAPIView):
    """Your inbox: the notifications addressed to you, newest first. The filters are the
    inbox page's (`filters.NotificationFilter`)."""

    serializer_class = NotificationOut
    filterset_class = filters.NotificationFilter

    @extend_schema(tags=["inbox"])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.notifications_scope(self.request.user)


def _condition(request, pk: int) -> CaseCondition:
    condition = selectors.condition_get(user=request.user, pk=pk)
    if condition is None:
        raise Http404
    return condition


class ConditionFulfilApi(APIView):
    """The owner marks a condition fulfilled, with a note on the evidence."""

    class FulfilIn(serializers.Serializer):
        evidence_note = serializers.CharField(max_length=5000)

    @extend_schema(request=FulfilIn, responses={200: ConditionOut}, tags=TAGS)
    def post(self, request, pk: int):
        data = _valid(self.FulfilIn, request)
        condition = services.condition_fulfil(
            condition=_condition(request, pk), actor=request.user, **data
        )
        return Response(ConditionOut(condition).data)


class ConditionVerifyApi(APIView):
    """A reviewer verifies a fulfilled condition."""

    class VerifyIn(serializers.Serializer):
        note = serializers.CharField(required=False, allow_blank=True, max_length=5000)

    @extend_schema(request=VerifyIn, responses={200: ConditionOut}, tags=TAGS)
    def post(self, request, pk: int):
        data = _valid(self.VerifyIn, request)
        condition = services.condition_verify(
            condition=_condition(request, pk), actor=request.user, note=data.get("note", "")
        )
        return Response(ConditionOut(condition).data)


class MitigationListApi(APIView):
    """The mitigation library (codes to use as conditions)."""

    class MitigationOut(serializers.Serializer):
        code = serializers.CharField()
        name = serializers.CharField()
        description = serializers.CharField()
        default_due_days = serializers.IntegerField()

    @extend_schema(responses={200: MitigationOut(many=True)}, tags=TAGS)
    def get(self, request):
        return Response(
            self.MitigationOut(selectors.mitigation_library(user=request.user), many=True).data
        )


def _valid(serializer_class, request) -> dict:
    ser = serializer_class(data=request.data)
    ser.is_valid(raise_exception=True)
    return ser.validated_data
