"""Form fields for choosing vocabulary terms, used by the admin filters and the public forms."""

from django import forms
from wagtail.models import Locale

from .localization import label, names_for_locale


class LocalizedTermField(forms.ModelMultipleChoiceField):
    """Term checkboxes labelled in the active language; all names are read once per form."""

    def label_from_instance(self, term):
        if not hasattr(self, "_names"):
            self._names = names_for_locale(Locale.get_active())
        return label(term, self._names)
