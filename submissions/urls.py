"""Mounted under a translated prefix in the language URL patterns (zorgzamebuurten/urls.py)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "submissions"

urlpatterns = [
    path("", views.submit_project, name="submit"),
    path(_("bedankt/"), views.thanks, name="thanks"),
]
