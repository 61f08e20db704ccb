from django.apps import AppConfig


class RulesConfig(AppConfig):
    name = "rules"
    verbose_name = "Screening rules"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from refdata.cache import CRITERIA, bump

        from .models import CriteriaVersion

        # Published versions are cached per process (refdata.cache): any saved version
        # (a publication, an admin edit) moves the token.
        def changed(sender, **kwargs):
            bump(CRITERIA)

        post_save.connect(changed, sender=CriteriaVersion, dispatch_uid="criteria-refdata")
        post_delete.connect(changed, sender=CriteriaVersion, dispatch_uid="criteria-refdata-del")
