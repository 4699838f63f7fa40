"""Routes of the events app, under the language prefix (/nl/, /fr/). Wagtail's page URLs end in
a slash, so the .ics routes never hide a page; the other routes use slugs no page has."""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("agenda.ics", views.agenda_feed, name="feed"),
    path("agenda/<slug:slug>.ics", views.event_ics, name="event_ics"),
    path("agenda-privacy/", views.privacy_notice, name="privacy"),
    path("agenda-inschrijving/bevestigen/<str:token>/", views.confirm_registration, name="confirm"),
    path("agenda-inschrijving/annuleren/<str:token>/", views.cancel_registration, name="cancel"),
]
