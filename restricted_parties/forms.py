from __future__ import annotations

from django import forms

from hrdd.params import MAX_ID

from .importers import FORMAT_CSL, FORMAT_OFAC_SDN, FORMAT_OPENSANCTIONS


class SearchForm(forms.Form):
    name = forms.CharField(max_length=500)
    country = forms.CharField(max_length=2, required=False, help_text="ISO code, optional")

    def clean_country(self) -> str:
        value = self.cleaned_data["country"].strip().upper()
        if value and not (len(value) == 2 and value.isalpha()):
            raise forms.ValidationError("An ISO 3166-1 alpha-2 code, e.g. DE.")
        return value


class ListUploadForm(forms.Form):
    """An admin's upload: three files for OFAC SDN, one for the other formats."""

    FORMAT_CHOICES = [
        (FORMAT_OFAC_SDN, "OFAC SDN legacy CSV (sdn.csv, alt.csv, add.csv)"),
        (FORMAT_CSL, "US Consolidated Screening List CSV"),
        (FORMAT_OPENSANCTIONS, "OpenSanctions targets.simple.csv or FtM JSON lines"),
    ]

    format = forms.ChoiceField(choices=FORMAT_CHOICES)
    name = forms.CharField(max_length=120, required=False, help_text="Defaults from the format")
    file = forms.FileField(required=False, help_text="CSL or OpenSanctions file")
    sdn_file = forms.FileField(required=False, label="sdn.csv")
    alt_file = forms.FileField(required=False, label="alt.csv")
    add_file = forms.FileField(required=False, label="add.csv")

    def clean(self):
        data = super().clean()
        fmt = data.get("format")
        if fmt == FORMAT_OFAC_SDN:
            for field in ("sdn_file", "alt_file", "add_file"):
                if not data.get(field):
                    self.add_error(field, "OFAC SDN needs sdn.csv, alt.csv and add.csv.")
        elif fmt and not data.get("file"):
            self.add_error("file", "Choose the list file.")
        return data

    def source(self):
        """What the import service takes for the chosen format."""
        data = self.cleaned_data
        if data["format"] == FORMAT_OFAC_SDN:
            return {
                "sdn.csv": data["sdn_file"],
                "alt.csv": data["alt_file"],
                "add.csv": data["add_file"],
            }
        return data["file"]


class FalsePositiveForm(forms.Form):
    party_name = forms.CharField(max_length=500)
    entry_id = forms.IntegerField(max_value=MAX_ID)
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))
    opportunity_id = forms.IntegerField(required=False, max_value=MAX_ID)


class ThresholdsForm(forms.Form):
    match = forms.FloatField(
        min_value=0, max_value=100, help_text="At or above: a match, the deal is held"
    )
    possible_match = forms.FloatField(
        min_value=0,
        max_value=100,
        help_text="At or above (and below the match threshold): a possible match, reviewed",
    )
