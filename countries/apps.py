from django.apps import AppConfig


class CountriesConfig(AppConfig):
    name = "countries"
    verbose_name = "Country context"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from refdata.cache import COUNTRIES, bump

        from .models import Country

        # The country table is cached per process (refdata.cache); an admin's change to a
        # country moves the token (indicator imports bump it once themselves).
        def changed(sender, **kwargs):
            bump(COUNTRIES)

        post_save.connect(changed, sender=Country, dispatch_uid="countries-refdata")
        post_delete.connect(changed, sender=Country, dispatch_uid="countries-refdata-del")
