from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import Team, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + (("Role", {"fields": ("role", "organisation", "team")}),)
    list_display = ("username", "email", "role", "organisation", "team", "is_active")
    list_filter = ("role", "is_active")


admin.site.register(Team)
