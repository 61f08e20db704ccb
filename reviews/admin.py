from django.contrib import admin

from .models import EscalationPolicy, Mitigation


@admin.register(EscalationPolicy)
class EscalationPolicyAdmin(admin.ModelAdmin):
    """Review targets. Saved through the service so the change is audited."""

    list_display = (
        "tier",
        "target_business_days",
        "start_level",
        "level_business_days",
        "updated_at",
    )

    def save_model(self, request, obj, form, change):
        from .services import escalation_policy_update

        escalation_policy_update(
            actor=request.user,
            tier=obj.tier,
            target_business_days=obj.target_business_days,
            start_level=obj.start_level,
            level_business_days=obj.level_business_days,
        )


@admin.register(Mitigation)
class MitigationAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "default_due_days", "active")
    list_filter = ("active",)
    search_fields = ("code", "name")
