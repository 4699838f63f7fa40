from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        strip=True,
        help_text=_("De 6 cijfers uit je authenticator-app, of een van je back-upcodes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "inputmode": "text"}),
    )

    def clean_code(self):
        return self.cleaned_data["code"].replace(" ", "").lower()
