from django.apps import AppConfig


class PartnerDueDiligenceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "partner_dd"
    verbose_name = "Partner due diligence"
