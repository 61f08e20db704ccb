def roles(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "is_reviewer": user.is_reviewer,
        "is_admin_user": user.is_admin,
        "is_partner_user": user.is_partner_user,
    }
