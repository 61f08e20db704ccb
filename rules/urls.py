from django.urls import path

from . import cue_views, lexicon_views, views

urlpatterns = [
    path("criteria/", views.criteria_overview, name="criteria-overview"),
    path("criteria/versions/<int:number>/", views.version_detail, name="criteria-version"),
    path(
        "criteria/versions/<int:number>/export.json", views.version_export, name="criteria-export"
    ),
    path("criteria/draft/", views.draft_detail, name="criteria-draft"),
    path("criteria/draft/start/", views.draft_start, name="criteria-draft-start"),
    path("criteria/draft/discard/", views.draft_discard, name="criteria-draft-discard"),
    path("criteria/draft/new/", views.criterion_edit, name="criteria-criterion-new"),
    path(
        "criteria/draft/criteria/<str:code>/", views.criterion_edit, name="criteria-criterion-edit"
    ),
    path(
        "criteria/draft/criteria/<str:code>/delete/",
        views.criterion_delete,
        name="criteria-criterion-delete",
    ),
    path("criteria/draft/lexicon/", lexicon_views.draft_lexicon, name="criteria-lexicon"),
    path(
        "criteria/draft/lexicon/<int:pk>/", lexicon_views.lexicon_edit, name="criteria-lexicon-edit"
    ),
    path(
        "criteria/draft/lexicon/<int:pk>/delete/",
        lexicon_views.lexicon_delete,
        name="criteria-lexicon-delete",
    ),
    path(
        "criteria/versions/<int:number>/lexicon/",
        lexicon_views.version_lexicon,
        name="criteria-version-lexicon",
    ),
    path(
        "criteria/draft/learned-cues/", cue_views.draft_learned_cues, name="criteria-learned-cues"
    ),
    path(
        "criteria/draft/learned-cues/switch/",
        cue_views.learned_cue_switch_view,
        name="criteria-learned-cue-switch",
    ),
    path(
        "criteria/draft/learned-cues/language/",
        cue_views.learned_cues_language_view,
        name="criteria-learned-cues-language",
    ),
    path(
        "criteria/draft/learned-cues/threshold/",
        cue_views.learned_cues_threshold_view,
        name="criteria-learned-cues-threshold",
    ),
    path(
        "criteria/draft/learned-cues/weighing/",
        cue_views.learned_cues_weighing_view,
        name="criteria-learned-cues-weighing",
    ),
    path(
        "criteria/draft/learned-cues/whole-text/",
        cue_views.learned_cues_whole_text_view,
        name="criteria-learned-cues-whole-text",
    ),
    path(
        "criteria/draft/learned-cues/default/",
        cue_views.learned_cues_default_view,
        name="criteria-learned-cues-default",
    ),
    path(
        "criteria/versions/<int:number>/learned-cues/",
        cue_views.version_learned_cues,
        name="criteria-version-learned-cues",
    ),
    path("criteria/draft/preview/", views.draft_preview, name="criteria-draft-preview"),
    path("criteria/draft/publish/", views.draft_publish, name="criteria-draft-publish"),
    path(
        "criteria/draft/publish/confirm/",
        views.draft_publish_confirm,
        name="criteria-draft-publish-confirm",
    ),
    path("criteria/previews/<int:pk>/", views.preview_detail, name="criteria-preview"),
    path("criteria/import/", views.pack_import, name="criteria-import"),
    path("criteria/countries/", views.country_data_upload, name="criteria-countries"),
]
