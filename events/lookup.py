"""The events models by name, for the modules the page model itself calls (registration, waiting
list, e-mails, personal links, agenda): importing events.models there would close an import
circle, since the model imports them for its form and its context."""

from django.apps import apps


def event_model():
    return apps.get_model("events", "EventPage")


def registration_model():
    return apps.get_model("events", "Registration")
