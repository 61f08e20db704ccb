from __future__ import annotations

from django.db import models


class Deal(models.Model):
    """Ten fields, as a deal's header: what the anchor validates and inserts."""

    external_id = models.CharField(max_length=100)
    title = models.CharField(max_length=200)
    end_customer_name = models.CharField(max_length=200)
    end_customer_country = models.CharField(max_length=2)
    end_user_type = models.CharField(max_length=30)
    delivery_country = models.CharField(max_length=2)
    value_amount = models.DecimalField(max_digits=14, decimal_places=2)
    value_currency = models.CharField(max_length=3)
    expected_close_date = models.DateField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "bare"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title
