from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Review queue"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from refdata.cache import ROUTING, bump

        from .models import EscalationPolicy

        # Review targets are cached per process (refdata.cache); any change moves the token.
        def changed(sender, **kwargs):
            bump(ROUTING)

        post_save.connect(changed, sender=EscalationPolicy, dispatch_uid="routing-refdata")
        post_delete.connect(changed, sender=EscalationPolicy, dispatch_uid="routing-refdata-del")
