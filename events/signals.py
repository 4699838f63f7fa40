"""Editors' and code's changes that free or add places move the waiting list up (waiting_list.py).

- a registration deleted (in the admin, in code, by an editor's bulk delete) that held a place;
- a registration an editor sets to cancelled or back to the waiting list;
- an event published with more places (registrations hang on the source-language page).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published

from .models import EventPage, Registration
from .waiting_list import promote

_FREEING = {Registration.Status.CANCELLED, Registration.Status.WAITING}


def registration_deleted(sender, instance, **kwargs):
    if instance.status == Registration.Status.CONFIRMED:
        promote(instance.event_id)


def registration_edited(sender, instance, created, **kwargs):
    if not created and instance.status in _FREEING:
        promote(instance.event_id)


def event_published(sender, instance, **kwargs):
    if instance.registration_form and instance.source_event().pk == instance.pk:
        promote(instance.pk)


def connect():
    post_delete.connect(registration_deleted, sender=Registration, dispatch_uid="events.registration_deleted")
    post_save.connect(registration_edited, sender=Registration, dispatch_uid="events.registration_edited")
    page_published.connect(event_published, sender=EventPage, dispatch_uid="events.event_published")
