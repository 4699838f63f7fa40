"""The public "Meld je project aan" form: what an initiative tells us, checked on the server."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.locales import in_default_locale
from taxonomy.forms import LocalizedTermField
from taxonomy.models import ConnectionMethod, Focus, TargetGroup
from taxonomy.postcodes import validate_postcode

from .images import PhotoRejected, clean_photo


class TermChoiceField(LocalizedTermField):
    """Checkboxes of the Dutch term rows, labelled in the visitor's language."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, model, **kwargs):
        super().__init__(queryset=model.objects.filter(in_default_locale()), required=False, **kwargs)


class ProjectSubmissionForm(forms.Form):
    name = forms.CharField(
        label=_("Naam van het project"),
        max_length=120,
        help_text=_("Zo heet het project op de website."),
    )
    organisation = forms.CharField(
        label=_("Organisatie"),
        max_length=200,
        help_text=_("De organisatie of vereniging die het project trekt."),
    )
    municipality = forms.CharField(label=_("Gemeente"), max_length=120, help_text=_("Waar het project loopt."))
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=12,
        validators=[validate_postcode],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
    )
    contact_email = forms.EmailField(
        label=_("E-mailadres voor contact"),
        max_length=254,
        help_text=_("Dit adres staat publiek bij je project, zodat anderen je kunnen contacteren."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    description = forms.CharField(
        label=_("Beschrijving"),
        min_length=80,
        max_length=4000,
        help_text=_("Wat doet het project, voor wie, en wat maakt het sterk? Minstens 80 tekens."),
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    target_groups = TermChoiceField(TargetGroup, label=_("Doelgroepen"), help_text=_("Voor wie werkt het project?"))
    connection_methods = TermChoiceField(
        ConnectionMethod, label=_("Verbindingsmethodiek"), help_text=_("Hoe brengt het project mensen samen?")
    )
    focus = TermChoiceField(Focus, label=_("Focus"), help_text=_("Waar zet het project vooral op in?"))
    photo = forms.FileField(
        label=_("Foto (niet verplicht)"),
        required=False,
        help_text=_("JPEG, PNG of WebP, hoogstens 5 MB. Alleen een foto die je zelf mag delen."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    consent = forms.BooleanField(
        label=_(
            "Ik geef toestemming om deze gegevens te bewaren en, na nalezing door de redactie, op de website "
            "te publiceren, het e-mailadres inbegrepen."
        ),
        error_messages={"required": _("Zonder je toestemming kunnen we je project niet opnemen.")},
    )
    # Hidden from people (see the template); software that fills every field gives itself away.
    referral_code = forms.CharField(label=_("Laat dit veld leeg"), required=False)

    error_css_class = "has-error"
    required_css_class = "is-required"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.clean_photo_result = None
        self.fields["referral_code"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    @property
    def is_spam(self):
        return bool(self.data.get("referral_code", "").strip())

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        try:
            self.clean_photo_result = clean_photo(upload)
        except PhotoRejected as rejection:
            raise forms.ValidationError(rejection.message, code=rejection.code) from rejection
        return upload
