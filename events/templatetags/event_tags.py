from django import template

from events.formatting import format_event_when

register = template.Library()


@register.simple_tag
def event_when(event):
    return format_event_when(event.start, event.end)
