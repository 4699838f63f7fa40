"""The registration form on an event page. Errors keep what the person typed."""

from django import forms
from django.utils.translation import gettext_lazy as _


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200)
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        error_messages={"invalid": _("Dit e-mailadres klopt niet. Kijk het even na, bijvoorbeeld naam@voorbeeld.be.")},
    )
    organisation = forms.CharField(
        label=_("Organisatie"),
        max_length=200,
        help_text=_("Kom je als buurtbewoner? Schrijf dan ‘bewoner’."),
    )
    remarks = forms.CharField(
        label=_("Opmerkingen"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Niet verplicht. Bijvoorbeeld over toegankelijkheid of voeding."),
    )
    consent = forms.BooleanField(
        label=_("Ik geef toestemming om mijn gegevens te bewaren voor deze inschrijving."),
        error_messages={"required": _("Zonder je toestemming kunnen we je inschrijving niet bewaren.")},
    )
    # Hidden from people (see the template), as on the submission form: software that fills
    # every field gives itself away.
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        autocomplete = {"name": "name", "email": "email", "organisation": "organization"}
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    @property
    def is_spam(self):
        return bool(self.data.get("website", "").strip())

    def clean_email(self):
        # One spelling per address, so that the database's unique constraint sees "Jan@X.be" twice.
        return self.cleaned_data["email"].strip().lower()
