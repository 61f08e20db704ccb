from __future__ import annotations

from django.contrib.auth import authenticate
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from hrdd.errors import ApplicationError


class TokenObtainApi(APIView):
    """Exchange a username and password for an API token (`Authorization: Token <key>`)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    class InputSerializer(serializers.Serializer):
        username = serializers.CharField(max_length=150)
        password = serializers.CharField(max_length=128, trim_whitespace=False)

    class OutputSerializer(serializers.Serializer):
        token = serializers.CharField()
        role = serializers.CharField()

    @extend_schema(request=InputSerializer, responses={200: OutputSerializer}, tags=["auth"])
    def post(self, request):
        ser = self.InputSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        user = authenticate(request, **ser.validated_data)
        if user is None:
            raise ApplicationError("Unable to sign in with those credentials.", status_code=400)
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key, "role": user.role})
