"""Admins register endpoints and read the delivery log here; a delivery can be replayed.

Every change goes through `webhooks.services`, so it is checked and audited the same way
as from anywhere else.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages

from hrdd.errors import ApplicationError

from .addresses import why_not_url
from .models import Event, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from .policies import why_not_manage_webhooks
from .services import webhook_delivery_replay, webhook_endpoint_save


class _AdminsOnly:
    def has_module_permission(self, request):
        return why_not_manage_webhooks(request.user) is None

    def has_view_permission(self, request, obj=None):
        return why_not_manage_webhooks(request.user) is None

    def has_change_permission(self, request, obj=None):
        return why_not_manage_webhooks(request.user) is None

    def has_add_permission(self, request):
        return why_not_manage_webhooks(request.user) is None

    def has_delete_permission(self, request, obj=None):
        return False  # switch an endpoint off instead: its deliveries stay on record


class EndpointForm(forms.ModelForm):
    url = forms.URLField(max_length=500, assume_scheme="https")
    events = forms.MultipleChoiceField(choices=Event.choices, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = WebhookEndpoint
        fields = ["name", "url", "events", "organisation", "active"]

    def clean_url(self):
        url = self.cleaned_data["url"]
        if reason := why_not_url(url):
            raise forms.ValidationError(reason)
        return url


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(_AdminsOnly, admin.ModelAdmin):
    form = EndpointForm
    list_display = ("name", "url", "organisation", "active", "created_at")
    list_filter = ("active",)
    readonly_fields = ("secret", "created_by", "created_at")
    autocomplete_fields = ()

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        try:
            webhook_endpoint_save(
                actor=request.user,
                endpoint=obj,
                name=data["name"],
                url=data["url"],
                events=data["events"],
                organisation=data.get("organisation"),
                active=data.get("active", True),
            )
        except ApplicationError as exc:
            messages.error(request, str(exc))


class AttemptInline(admin.TabularInline):
    model = WebhookAttempt
    extra = 0
    can_delete = False
    readonly_fields = ("attempted_at", "status_code", "response_body", "error", "duration_ms")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(_AdminsOnly, admin.ModelAdmin):
    list_display = ("id", "event", "opportunity_id", "endpoint", "status", "attempts", "created_at")
    list_filter = ("status", "event", "endpoint")
    readonly_fields = [f.name for f in WebhookDelivery._meta.fields]
    inlines = [AttemptInline]
    actions = ["replay"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # the log is read-only; replay makes a new delivery

    @admin.action(description="Replay the selected deliveries")
    def replay(self, request, queryset):
        for delivery in queryset.select_related("endpoint"):
            webhook_delivery_replay(actor=request.user, delivery=delivery)
        messages.success(request, f"{queryset.count()} deliveries queued again.")
