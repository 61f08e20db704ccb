from django.urls import path

from .api import TokenObtainApi

urlpatterns = [path("auth/token/", TokenObtainApi.as_view(), name="api-token")]
