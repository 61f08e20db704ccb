from django.urls import path

from . import views

urlpatterns = [
    path("views/save/", views.saved_view_save_view, name="saved-view-save"),
    path("views/<int:pk>/", views.saved_view_open_view, name="saved-view-open"),
    path("views/<int:pk>/delete/", views.saved_view_delete_view, name="saved-view-delete"),
]
