"""Seed the review targets and the mitigation library from the domain notes.

Targets (business days to a decision): medium 2, high 10, critical 15; prohibited has no
timer and starts with the senior reviewers at once. Admins edit them afterwards.
"""

from django.db import migrations

POLICIES = [
    # tier, target, start level, days at each higher level
    ("medium", 2, 1, 1),
    ("high", 10, 1, 5),
    ("critical", 15, 1, 5),
    ("prohibited", None, 2, 5),
]

MITIGATIONS = [
    ("end-use-certificate", "End-use and end-user certificate",
     "A signed end-use and end-user statement: no re-export, the prohibited uses listed.", 30),
    ("human-rights-clause", "Human-rights clause in the contract",
     "Human-rights clauses with flow-down to every party in the channel and termination rights.", 30),
    ("no-custom-development", "No custom development",
     "No customisation, integration into monitoring centres or covert modes; features removed where needed.", 14),
    ("audit-inspection-right", "Audit or inspection right",
     "A contractual right to audit or inspect, including post-shipment checks.", 30),
    ("end-user-training", "Training for the end user",
     "Training for the end user on lawful, rights-respecting use of the product.", 60),
    ("named-site-delivery", "Delivery only to the named site",
     "Delivery to the named end-user site only: no forwarders or free-trade-zone consignees.", 30),
    ("post-sale-check-in", "Post-sale check-in",
     "A check-in with the end user after deployment to confirm the declared use.", 90),
    ("licence-withdrawal", "Licence, support and update withdrawal on misuse",
     "The right to withdraw licences, support and updates if the product is misused.", 30),
    ("partner-training", "Partner training",
     "HRDD and export-compliance training for the partner's staff on this deal.", 60),
    ("direct-sale-only", "Sell direct only",
     "High-risk products sold direct only: no intermediaries, forwarders or free-trade-zone consignees.", 30),
    ("stakeholder-consultation", "Expert and stakeholder consultation",
     "Consult human-rights experts or affected stakeholders before delivery.", 45),
    ("notify-authority", "Notify the export authority where the law requires",
     "Notify the competent authority where required (e.g. Article 5 of EU Regulation 2021/821 for cyber-surveillance items).", 14),
]


def seed(apps, schema_editor):
    EscalationPolicy = apps.get_model("reviews", "EscalationPolicy")
    Mitigation = apps.get_model("reviews", "Mitigation")
    for tier, target, start, level_days in POLICIES:
        EscalationPolicy.objects.update_or_create(
            tier=tier,
            defaults={"target_business_days": target, "start_level": start, "level_business_days": level_days},
        )
    for code, name, description, days in MITIGATIONS:
        Mitigation.objects.update_or_create(
            code=code, defaults={"name": name, "description": description, "default_due_days": days}
        )


def unseed(apps, schema_editor):
    apps.get_model("reviews", "EscalationPolicy").objects.filter(tier__in=[p[0] for p in POLICIES]).delete()
    apps.get_model("reviews", "Mitigation").objects.filter(code__in=[m[0] for m in MITIGATIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
