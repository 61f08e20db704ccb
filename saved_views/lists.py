"""The lists a view can be saved for: each one's page and its filterset (the same one its
API endpoint uses), which says which query parameters a saved view may hold."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from channel_imports.filters import ImportFilter
from opportunities.filters import OpportunityFilter
from reviews.filters import ConditionFilter, NotificationFilter, ReviewCaseFilter
from reviews.policies import why_not_work_queue

from .models import SavedView


@dataclass(frozen=True)
class SavedList:
    url_name: str
    filterset: type
    why_not_open: Callable[[object], str | None] | None = None  # a list not everyone has


LISTS: dict[str, SavedList] = {
    SavedView.List.DEALS: SavedList("opportunity-list", OpportunityFilter),
    SavedView.List.QUEUE: SavedList("review-queue", ReviewCaseFilter, why_not_work_queue),
    SavedView.List.MY_CASES: SavedList("review-mine", ReviewCaseFilter, why_not_work_queue),
    SavedView.List.CONDITIONS: SavedList("review-conditions", ConditionFilter),
    SavedView.List.IMPORTS: SavedList("channel-import-list", ImportFilter),
    SavedView.List.INBOX: SavedList("inbox", NotificationFilter),
}
