"""POST /deals/ validates and inserts; GET /deals/ lists 50 a page; GET /deals/<id>/ shows one."""

from __future__ import annotations

from django.urls import path
from rest_framework import generics, serializers

from .models import Deal


class DealSerializer(serializers.ModelSerializer):
    class Meta:
        model = Deal
        fields = [
            "id",
            "external_id",
            "title",
            "end_customer_name",
            "end_customer_country",
            "end_user_type",
            "delivery_country",
            "value_amount",
            "value_currency",
            "expected_close_date",
            "created_at",
        ]


class DealList(generics.ListCreateAPIView):
    queryset = Deal.objects.all()
    serializer_class = DealSerializer


class DealDetail(generics.RetrieveAPIView):
    queryset = Deal.objects.all()
    serializer_class = DealSerializer


urlpatterns = [
    path("deals/", DealList.as_view()),
    path("deals/<int:pk>/", DealDetail.as_view()),
]
