from django import template
from django.utils import timezone

register = template.Library()


@register.simple_tag
def unread_notifications(user) -> int:
    """The nav's unread count (one indexed count query)."""
    from reviews.selectors import notifications_unread_count

    return notifications_unread_count(user=user)


@register.filter
def time_left(due, now=None):
    """'3 days left', '5 hours overdue' for a due datetime (empty when there is none)."""
    if not due:
        return "no target"
    now = now or timezone.now()
    delta = due - now
    seconds = abs(delta.total_seconds())
    if seconds >= 86400:
        amount, unit = int(seconds // 86400), "day"
    elif seconds >= 3600:
        amount, unit = int(seconds // 3600), "hour"
    else:
        amount, unit = max(int(seconds // 60), 1), "minute"
    label = f"{amount} {unit}{'s' if amount != 1 else ''}"
    return f"{label} left" if delta.total_seconds() >= 0 else f"{label} overdue"


@register.filter
def is_overdue(due, now=None) -> bool:
    return bool(due) and due <= (now or timezone.now())


@register.filter
def claimable_by(case, user) -> bool:
    """Offer "Claim" in the queue: an unassigned case at a level the user may work.
    (Conflicts of interest are checked when claiming: they need the deal's channel.)"""
    from reviews import policies
    from reviews.workflow import transition_allowed

    return (
        case.assignee_id is None
        and transition_allowed("claim", case.status)
        and policies.authority(user) >= policies.LEVEL_AUTHORITY[case.escalation_level]
    )
