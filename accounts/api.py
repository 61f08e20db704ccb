from __future__ import annotations

from django.contrib.auth import authenticate
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from hrdd.errors import ApplicationError

from .authentication import token_expires_at
from .services import user_token_issue, user_tokens_revoke


class TokenObtainApi(APIView):
    """Exchange a username and password for an API token (`Authorization: Token <key>`).

    The token lasts API_TOKEN_TTL_DAYS days. Repeated failures lock the username and the
    caller's address out for a while (429), as on the sign-in page.
    """

    authentication_classes: list = []
    permission_classes = [AllowAny]

    class InputSerializer(serializers.Serializer):
        username = serializers.CharField(max_length=150)
        password = serializers.CharField(max_length=128, trim_whitespace=False)

    class OutputSerializer(serializers.Serializer):
        token = serializers.CharField()
        role = serializers.CharField()
        expires_at = serializers.DateTimeField()

    @extend_schema(
        request=InputSerializer,
        responses={200: OutputSerializer},
        tags=["auth"],
        auth=[],
    )
    def post(self, request):
        ser = self.InputSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        # The plain Django request: django-axes counts the failure against it.
        user = authenticate(request._request, **ser.validated_data)
        if user is None:
            raise ApplicationError("Unable to sign in with those credentials.", status_code=400)
        token = user_token_issue(user=user)
        return Response(
            {"token": token.key, "role": user.role, "expires_at": token_expires_at(token.created)}
        )


class TokenRevokeApi(APIView):
    """Revoke the token this request is signed with (and any other token of its user)."""

    @extend_schema(request=None, responses={204: None}, tags=["auth"])
    def post(self, request):
        user_tokens_revoke(user=request.user, actor=request.user, reason="revoked through the API")
        return Response(status=status.HTTP_204_NO_CONTENT)
