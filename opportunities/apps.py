from django.apps import AppConfig


class OpportunitiesConfig(AppConfig):
    name = "opportunities"
    verbose_name = "Opportunities (deals)"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from refdata.cache import CATALOGUE, bump

        from .models import Product

        # The catalogue is cached per process (refdata.cache); any change moves the token.
        def changed(sender, **kwargs):
            bump(CATALOGUE)

        post_save.connect(changed, sender=Product, dispatch_uid="catalogue-refdata")
        post_delete.connect(changed, sender=Product, dispatch_uid="catalogue-refdata-del")
