from django.apps import AppConfig


class ChannelImportsConfig(AppConfig):
    name = "channel_imports"
    verbose_name = "Channel data imports"
