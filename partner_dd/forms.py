from __future__ import annotations

from django import forms

from .models import ANSWER_FIELDS, Questionnaire
from .scoring import EVIDENCE_KINDS


class AnswersForm(forms.ModelForm):
    """The partner's answers; yes/no questions may stay unanswered until submitting."""

    class Meta:
        model = Questionnaire
        fields = ANSWER_FIELDS
        labels = {
            "programme": "1. Which programme do you have? (attach the policy below)",
            "contact_name": "2. Your named compliance contact",
            "contact_email": "Their email",
            "staff_trained": "3. Are staff who sell trained in export compliance or human-rights due diligence?",
            "trained_on": "When was the last training?",
            "screens_end_users": "4. Do you screen end users and know your customer before each sale?",
            "kyc_steps": "Which steps?",
            "flows_down_clauses": "5. Do your contracts with your own resellers and customers carry human-rights clauses today?",
            "prior_incident": "6. Any prior incident (diversion, enforcement action, a listed affiliate)?",
            "incident_details": "What happened and what changed since?",
            "accepts_audits": "7. Will you accept audits of how you sell these products?",
            "accepts_flow_down": "8. Will you accept the vendor's human-rights clauses and pass them on?",
        }
        widgets = {
            "trained_on": forms.DateInput(attrs={"type": "date"}),
            "kyc_steps": forms.Textarea(attrs={"rows": 3}),
            "incident_details": forms.Textarea(attrs={"rows": 3}),
            **{
                f: forms.NullBooleanSelect()
                for f in (
                    "staff_trained",
                    "screens_end_users",
                    "flows_down_clauses",
                    "prior_incident",
                    "accepts_audits",
                    "accepts_flow_down",
                )
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False


class EvidenceForm(forms.Form):
    kind = forms.ChoiceField(choices=list(EVIDENCE_KINDS.items()), label="What the file is")
    file = forms.FileField(label="File (pdf, png or jpg)")


class ReviewForm(forms.Form):
    message = forms.CharField(
        required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )
    note = forms.CharField(
        required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(max_length=4000, widget=forms.Textarea(attrs={"rows": 2}))
