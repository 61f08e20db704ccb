"""The domain vocabulary: codes the forms, the API, the criteria and the tests share.

Plain Python, no Django: the rules engine imports it too. Codes are lowercase snake_case
and exactly those of the domain notes; names are what the pages show.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    code: str
    name: str
    severity: int = 0  # base severity 1..5 where the domain notes give one
    likelihood: int = 0  # likelihood points where the domain notes give them
    high_risk: bool = False


def _index(terms: list[Term]) -> dict[str, Term]:
    return {t.code: t for t in terms}


CHANNEL_ROLES = _index(
    [
        Term("vendor", "Vendor"),
        Term("distributor", "Distributor"),
        Term("reseller", "Reseller"),
        Term("integrator", "System integrator / value-added reseller"),
        Term("agent", "Sales agent or broker"),
        Term("end_customer", "End customer"),
    ]
)
# Roles that can stand between the vendor and the end customer in a deal's channel path.
INTERMEDIARY_ROLES = ("distributor", "reseller", "integrator", "agent")

PRODUCT_CAPABILITIES = _index(
    [
        Term("intrusion_spyware", "Intrusion / spyware (remote exploitation, implants)", 5),
        Term("lawful_interception", "Lawful interception (gateways, monitoring centres)", 5),
        Term("deep_packet_inspection", "Deep packet inspection, URL filtering and blocking", 4),
        Term("device_forensics", "Device forensics (data extraction)", 4),
        Term("biometric_identification", "Biometric identification (face, voice, gait)", 4),
        Term("location_tracking", "Location tracking (IMSI catchers, plate readers)", 4),
        Term("video_analytics", "Video analytics", 3),
        Term("data_analytics", "Data analytics (social media, data fusion)", 3),
        Term("video_surveillance", "Video surveillance (cameras, VMS)", 2),
        Term("hpc_accelerators", "HPC and AI accelerators", 2),
        Term("networking", "Networking equipment", 1),
        Term("cybersecurity", "Cybersecurity (own network)", 1),
        Term("general_compute", "General compute (servers, PCs)", 1),
        Term("storage", "Storage", 1),
        Term("cloud_services", "Cloud services", 1),
    ]
)

SECURITY_FORCE_END_USERS = ("intelligence_agency", "police", "interior_ministry", "military")

END_USER_TYPES = _index(
    [
        Term("intelligence_agency", "Intelligence / state-security service", likelihood=3),
        Term("police", "Police / public-security bureau", likelihood=2),
        Term("interior_ministry", "Ministry of interior / home affairs", likelihood=2),
        Term("military", "Armed forces / paramilitary", likelihood=2),
        Term("border_control", "Border and migration authority", likelihood=2),
        Term("prison_detention", "Prison / detention facility", severity=5),
        Term("state_telecom", "State-owned telecom operator / national IXP", likelihood=2),
        Term("private_telecom", "Licensed private telecom operator"),
        Term("other_government", "Civil government body"),
        Term("municipal", "Local government"),
        Term("state_owned_enterprise", "State-owned enterprise", likelihood=1),
        Term("private_enterprise", "Private enterprise"),
        Term("financial_institution", "Financial institution"),
        Term("healthcare", "Healthcare"),
        Term("education_research", "Education / research"),
        Term("ngo_civil_society", "NGO / civil society"),
        Term("unknown", "Unknown / not disclosed"),
    ]
)

INTENDED_USES = _index(
    [
        Term("population_monitoring", "Population monitoring", 5, high_risk=True),
        Term(
            "targeting_dissent", "Monitoring journalists, activists, opposition", 5, high_risk=True
        ),
        Term("ethnic_religious_profiling", "Ethnic or religious profiling", 5, high_risk=True),
        Term("censorship_blocking", "Censorship / content blocking", 4, high_risk=True),
        Term("predictive_policing", "Predictive policing", 4, high_risk=True),
        Term("public_space_surveillance", "Public-space surveillance", 3, high_risk=True),
        Term("border_surveillance", "Border surveillance", 3, high_risk=True),
        Term(
            "criminal_investigation",
            "Criminal investigation (targeted, judicial control)",
            2,
            high_risk=True,
        ),
        Term(
            "lawful_intercept_compliance",
            "Lawful-intercept compliance (licensed operator)",
            2,
            high_risk=True,
        ),
        Term("enterprise_it", "Enterprise IT", 1),
        Term("network_operations", "Network operations", 1),
        Term("cybersecurity_defense", "Cybersecurity defence", 1),
        Term("research_education", "Research and education", 1),
        Term("healthcare_services", "Healthcare services", 1),
        Term("public_services", "Public services", 1),
        Term("retail_commerce", "Retail and commerce", 1),
        Term("manufacturing", "Manufacturing", 1),
        Term("unspecified", "Unspecified", 0),
    ]
)

# Channel and deal red flags (export-control KYC practice). `derived` ones are computed
# from the deal's data and never asked of the rep.
RED_FLAGS = _index(
    [
        Term("end_user_undisclosed", "End user or end use vague, evasive or not disclosed"),
        Term(
            "consignee_intermediary",
            "Consignee is a freight forwarder, trading company or free-trade-zone address",
        ),
        Term(
            "transshipment",
            "Delivery country differs from the end user's, or via a transshipment hub",
        ),
        Term("capability_mismatch", "Capability or quantity out of line with the buyer's business"),
        Term(
            "customization",
            "Custom code, covert modes, disabled logging or monitoring-centre integration",
        ),
        Term("declines_support", "Buyer declines installation, training or maintenance"),
        Term("unusual_payment", "Cash, third-party or third-country payment"),
        Term(
            "refuses_end_use_statement", "Buyer refuses an end-use statement or human-rights clause"
        ),
        Term("shell_intermediary", "Newly formed or unrelated intermediary"),
        Term("unusual_routing", "Hand-carry or vague delivery arrangements"),
        Term("long_chain", "More than two intermediaries"),
    ]
)
DERIVED_RED_FLAGS = (
    "end_user_undisclosed",
    "transshipment",
    "long_chain",
    "customization",
    "refuses_end_use_statement",
)
# What the rep is asked in plain words; the rest are derived from the deal.
ASKED_RED_FLAGS = {
    "consignee_intermediary": "The goods ship to a freight forwarder, trading company or free-trade-zone address",
    "capability_mismatch": "The product or quantity seems out of line with the buyer's business",
    "declines_support": "The buyer declines installation, training or maintenance",
    "unusual_payment": "Payment is in cash, from a third party or from a third country",
    "shell_intermediary": "An intermediary is newly formed or its business is unrelated",
    "unusual_routing": "Delivery is hand-carried or its route is vague",
    "end_user_undisclosed": "The buyer is vague or evasive about who will use the product or for what",
}

END_USE_STATEMENTS = {
    "signed": "Signed",
    "requested": "Requested, not yet signed",
    "refused": "Refused by the end user",
    "none": "Not requested",
}

# Partner HRDD maturity, lowest first.
PARTNER_MATURITY = {
    "none": "No HRDD or export-compliance programme",
    "basic": "Export-compliance programme, no HRDD",
    "established": "HRDD and export-compliance programmes, trained staff",
    "advanced": "Audited programmes, flows clauses down, reports incidents",
}

# Whether a partner's due diligence is known. Unknown is not the same as none: a partner
# nobody has assessed is asked for its profile, not scored as having no programme.
PARTNER_ASSESSMENT = {
    "not_assessed": "Not yet assessed",
    "assessed": "Assessed",
    "refused": "Refused to be assessed",
}


def choices(terms: dict[str, Term]) -> list[tuple[str, str]]:
    return [(t.code, t.name) for t in terms.values()]


# Red-flag categories a phrase in a deal's text can raise (rules.textsignals reads them).
TEXT_SIGNAL_CATEGORIES: dict[str, str] = {
    "targets_dissent": "Targets dissent: activists, journalists, opposition, protesters, "
    "human-rights defenders",
    "profiling": "Ethnic or religious profiling",
    "censorship": "Censorship and blocking",
    "interception": "Interception or retention of communications without judicial oversight",
    "tracking": "Tracking of people",
    "security_services": "Request by security or intelligence services",
    "detention": "Detention",
}
# Facts about the end user a phrase may read, not red flags: a place of detention named as
# the customer or the site ("the prison's kitchen") is an end-user type the rep may not
# have declared, for a reviewer to confirm; what is done to the people held is a red flag.
TEXT_FACT_CATEGORIES: dict[str, str] = {
    "detention_site": "A prison or place of detention named (the end user or the site)",
}
