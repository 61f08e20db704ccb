"""Demo data for `make run`: a fictional vendor, its channel, users for every role, and deals.

Every name here is invented. Deals are registered through the normal service, so each one
is screened (and routed to review) exactly as a real deal would be.
"""

from __future__ import annotations

import random

from django.db import transaction

from accounts.models import Team, User
from accounts.roles import Role
from lifecycle.services import opportunity_register
from opportunities.models import Opportunity, Product
from partners.models import Organisation
from restricted_parties.services import sample_list_load

DEMO_PASSWORD = "demo-pass-2026"

ORGANISATIONS = [
    # name, country, role, maturity, prior incident, refused flow-down, trained
    ("Northwind Networks", "US", "vendor", "advanced", False, False, True),
    ("Nordic Distribution AB", "SE", "distributor", "established", False, False, True),
    ("Gulf Distribution FZE", "AE", "distributor", "basic", False, False, False),
    ("Lion City Tech Supply Pte", "SG", "distributor", "established", False, False, True),
    ("Alpha Systems Integration", "DE", "reseller", "established", False, False, True),
    ("Bravo Channel Solutions", "FR", "reseller", "basic", False, False, True),
    ("Cairo Systems", "EG", "integrator", "none", False, False, False),
    ("Meridian Secure Integrators", "TR", "integrator", "basic", True, False, False),
    ("Andes Redes SAS", "CO", "reseller", "basic", False, True, False),
    # Matches an entry of the fictional sample restricted-party list.
    ("Gulf Horizon Trading LLC", "AE", "distributor", "none", False, False, False),
    # A new local reseller nobody has assessed yet (see NOT_ASSESSED).
    ("Delta Local IT", "DE", "reseller", "none", False, False, False),
]
# Organisations whose due diligence is not yet assessed: their factors above are
# defaults, not findings, until their questionnaire is accepted.
NOT_ASSESSED = {"Delta Local IT"}

PRODUCTS = [
    ("NET-4400", "Campus switch 4400", ["networking"]),
    ("NET-9800", "Carrier core router 9800", ["networking"]),
    ("WIFI-6E", "Wireless access point 6E", ["networking"]),
    ("FW-500", "Next-generation firewall 500", ["cybersecurity"]),
    ("SRV-R760", "Rack server R760", ["general_compute"]),
    ("STO-A90", "All-flash storage array A90", ["storage"]),
    ("CLD-VM", "Hosted virtual machines", ["cloud_services"]),
    ("GPU-H8", "AI accelerator cluster H8", ["hpc_accelerators"]),
    ("CAM-2MP", "Network camera 2MP", ["video_surveillance"]),
    ("VA-SUITE", "Video analytics suite", ["video_analytics", "video_surveillance"]),
    ("FACE-LIVE", "Live face recognition server", ["biometric_identification"]),
    ("SOC-FUSION", "Social-media analytics and data fusion", ["data_analytics"]),
    ("DPI-9000", "Traffic inspector 9000 (DPI, URL filtering)", ["deep_packet_inspection"]),
    ("LI-MC", "Lawful interception mediation and monitoring centre", ["lawful_interception"]),
    ("FOR-X", "Mobile device forensics kit", ["device_forensics"]),
    ("LOC-TRK", "Cell-site location tracking appliance", ["location_tracking"]),
    ("RMT-IMP", "Remote device implant platform", ["intrusion_spyware"]),
]

USERS = [
    # username, first, last, role, organisation, team
    ("rep", "Rita", "Ramos", Role.SALES_REP, "Northwind Networks", "EMEA"),
    ("rep2", "Tom", "Tanaka", Role.SALES_REP, "Northwind Networks", "EMEA"),
    ("rep3", "Olga", "Ortiz", Role.SALES_REP, "Northwind Networks", "Americas"),
    ("partner", "Paula", "Peters", Role.PARTNER_USER, "Alpha Systems Integration", None),
    ("partner2", "Bruno", "Blanc", Role.PARTNER_USER, "Bravo Channel Solutions", None),
    ("distributor", "Dana", "Darwish", Role.PARTNER_USER, "Gulf Distribution FZE", None),
    ("delta", "Dieter", "Dahl", Role.PARTNER_USER, "Delta Local IT", None),
    ("reviewer", "Rob", "Reyes", Role.REVIEWER, "Northwind Networks", None),
    ("reviewer2", "Rae", "Rossi", Role.REVIEWER, "Northwind Networks", None),
    ("senior", "Sara", "Svensson", Role.SENIOR_REVIEWER, "Northwind Networks", None),
    ("committee", "Chidi", "Cole", Role.COMMITTEE, "Northwind Networks", None),
    ("admin", "Ada", "Adams", Role.ADMIN, "Northwind Networks", None),
]

# End customers: name, country, end-user type, sector (all fictional)
END_CUSTOMERS = [
    ("Fjord Logistics AS", "NO", "private_enterprise", "logistics"),
    ("Hanse Klinikum", "DE", "healthcare", "hospitals"),
    ("Universidad del Pacífico Norte", "CO", "education_research", "university"),
    ("Banque Atlantique Privée", "FR", "financial_institution", "banking"),
    ("Nile Telecom Company", "EG", "state_telecom", "telecommunications"),
    ("Ministry of Interior Cyber Directorate", "EG", "interior_ministry", "public security"),
    ("Metropolitan Public Security Bureau", "CN", "police", "public security"),
    ("National Security Service", "BY", "intelligence_agency", "state security"),
    ("Bosphorus City Municipality", "TR", "municipal", "local government"),
    ("Gulf Smart City Authority", "AE", "other_government", "urban services"),
    ("Andean Mobile SA", "CO", "private_telecom", "telecommunications"),
    ("Central Detention Administration", "MM", "prison_detention", "detention"),
    ("Federal Police Forensics Unit", "BR", "police", "criminal investigation"),
    ("Border Guard Service", "AZ", "border_control", "border security"),
    ("Sahel Armed Forces Signals", "ML", "military", "defence"),
    ("", "KZ", "unknown", ""),
]

SCENARIOS = [
    # title, end customer index, lines, uses, channel, extra
    ("Campus network refresh", 0, [("NET-4400", 40), ("WIFI-6E", 60)], ["enterprise_it"], [1], {}),
    (
        "Hospital data-centre",
        1,
        [("SRV-R760", 12), ("STO-A90", 2)],
        ["healthcare_services"],
        [4],
        {"end_use_statement": "signed"},
    ),
    ("Research GPU cluster", 2, [("GPU-H8", 4)], ["research_education"], [5], {}),
    ("Branch firewalls", 3, [("FW-500", 30)], ["cybersecurity_defense"], [4], {}),
    (
        "Core network refresh",
        4,
        [("NET-9800", 8), ("DPI-9000", 2)],
        ["network_operations"],
        [2, 6],
        {"red_flags": ["consignee_intermediary"], "end_use_statement": "requested"},
    ),
    (
        "National gateway filtering",
        4,
        [("DPI-9000", 6)],
        ["censorship_blocking"],
        [2, 6],
        {"customization": True},
    ),
    (
        "Cyber directorate monitoring centre",
        5,
        [("LI-MC", 1), ("SOC-FUSION", 1)],
        ["population_monitoring"],
        [2, 6],
        {"customization": True},
    ),
    (
        "City surveillance analytics",
        6,
        [("VA-SUITE", 200), ("FACE-LIVE", 4)],
        ["public_space_surveillance"],
        [3],
        {},
    ),
    (
        "Secure communications upgrade",
        7,
        [("RMT-IMP", 1)],
        ["targeting_dissent"],
        [7],
        {"end_use_statement": "refused"},
    ),
    ("Municipal cameras", 8, [("CAM-2MP", 150)], ["public_services"], [7], {}),
    (
        "Smart city platform",
        9,
        [("VA-SUITE", 80), ("CLD-VM", 1)],
        ["public_space_surveillance"],
        [2],
        {"end_use_statement": "signed"},
    ),
    (
        "Interception compliance",
        10,
        [("LI-MC", 1)],
        ["lawful_intercept_compliance"],
        [8],
        {"end_use_statement": "signed"},
    ),
    (
        "Detention facility access control",
        11,
        [("FACE-LIVE", 2), ("CAM-2MP", 40)],
        ["public_space_surveillance"],
        [3],
        {},
    ),
    (
        "Forensics lab",
        12,
        [("FOR-X", 10)],
        ["criminal_investigation"],
        [5],
        {"end_use_statement": "signed"},
    ),
    ("Border monitoring", 13, [("LOC-TRK", 3), ("CAM-2MP", 20)], ["border_surveillance"], [7], {}),
    ("Field network", 14, [("NET-4400", 20)], ["network_operations"], [3], {}),
    (
        "Analytics servers",
        15,
        [("SRV-R760", 50), ("GPU-H8", 2)],
        ["unspecified"],
        [2, 3, 7],
        {"red_flags": ["unusual_payment"]},
    ),
    ("Warehouse Wi-Fi", 9, [("WIFI-6E", 30)], ["enterprise_it"], [9], {}),
]


def _orgs() -> dict[str, Organisation]:
    out = {}
    for name, country, role, maturity, incident, refused, trained in ORGANISATIONS:
        org, _ = Organisation.objects.update_or_create(
            name=name,
            country=country,
            defaults={
                "role": role,
                "hrdd_maturity": maturity,
                "prior_incident": incident,
                "refused_flow_down": refused,
                "staff_trained": trained,
                "dd_status": "not_assessed" if name in NOT_ASSESSED else "assessed",
            },
        )
        out[name] = org
    return out


def _users(orgs) -> dict[str, User]:
    out = {}
    for username, first, last, role, org_name, team_name in USERS:
        team = Team.objects.get_or_create(name=team_name)[0] if team_name else None
        user, created = User.objects.get_or_create(username=username)
        user.first_name, user.last_name, user.role = first, last, role
        user.organisation, user.team = orgs[org_name], team
        user.email = f"{username}@demo.example"
        user.is_staff = user.is_superuser = role == Role.ADMIN
        user.set_password(DEMO_PASSWORD)
        user.save()
        out[username] = user
    return out


def demo_data_load(*, deals: int = 40, seed: int = 7) -> dict:
    """Load (or refresh) the demo data. Safe to run twice: deals are keyed by CRM id."""
    rng = random.Random(seed)
    with transaction.atomic():
        orgs = _orgs()
        for sku, name, caps in PRODUCTS:
            Product.objects.update_or_create(
                sku=sku,
                defaults={"name": name, "vendor": "Northwind Networks", "capabilities": caps},
            )
        users = _users(orgs)
    try:
        sample_list_load()
    except ImportError:  # restricted-party screening not installed
        pass
    channel_orgs = [o for o in ORGANISATIONS if o[2] not in ("vendor",)]
    made = 0
    submitters = ["rep", "rep2", "rep3", "partner", "partner2", "distributor"]
    for n in range(deals):
        title, ec_i, lines, uses, channel_i, extra = SCENARIOS[n % len(SCENARIOS)]
        name, country, eu_type, sector = END_CUSTOMERS[ec_i]
        submitter = users[submitters[n % len(submitters)]]
        channel = [
            {
                "name": channel_orgs[i - 1][0],
                "role": channel_orgs[i - 1][2],
                "country": channel_orgs[i - 1][1],
            }
            for i in channel_i
        ]
        if submitter.is_partner_user and submitter.organisation.name not in {
            c["name"] for c in channel
        }:
            org = submitter.organisation
            channel.append({"name": org.name, "role": org.role, "country": org.country})
        body = {
            "external_id": f"DEMO-{n + 1:04d}",
            "title": title if n < len(SCENARIOS) else f"{title} (phase {n // len(SCENARIOS) + 1})",
            "end_customer": {"name": name, "country": country, "type": eu_type, "sector": sector},
            "delivery_country": country,
            "channel": channel,
            "lines": [
                {"sku": sku, "quantity": max(1, int(q * rng.uniform(0.5, 1.5)))} for sku, q in lines
            ],
            "intended_use": uses,
            "use_description": "",
            "value": {
                "amount": f"{rng.randrange(20, 3000) * 1000}.00",
                "currency": rng.choice(["USD", "EUR"]),
            },
            "expected_close_date": f"2027-{rng.randrange(1, 13):02d}-{rng.randrange(1, 28):02d}",
            **extra,
        }
        if Opportunity.objects.filter(external_id=body["external_id"]).exists():
            continue
        opportunity_register(actor=submitter, data=body, source="demo")
        made += 1
    made += _unassessed_partner_opportunities(users["rep"])
    return {"organisations": len(orgs), "users": len(users), "deals_created": made}


# Ordinary deals through the unassessed reseller: low by their own facts, each asking for
# the partner's due-diligence profile (the questionnaire journey of the README).
UNASSESSED_PARTNER_DEALS = [
    (
        "DEMO-DD-0001",
        "University GPU servers",
        ("Technische Hochschule Nordhafen", "DE", "education_research", "university"),
        [("GPU-H8", 4), ("SRV-R760", 8)],
        ["research_education"],
    ),
    (
        "DEMO-DD-0002",
        "Traffic department cameras",
        ("Stadt Nordhafen Verkehrsamt", "DE", "municipal", "traffic management"),
        [("CAM-2MP", 60)],
        ["public_services"],
    ),
]


def _unassessed_partner_opportunities(rep: User) -> int:
    made = 0
    for external_id, title, (
        name,
        country,
        eu_type,
        sector,
    ), lines, uses in UNASSESSED_PARTNER_DEALS:
        if Opportunity.objects.filter(external_id=external_id).exists():
            continue
        body = {
            "external_id": external_id,
            "title": title,
            "end_customer": {"name": name, "country": country, "type": eu_type, "sector": sector},
            "delivery_country": country,
            "channel": [{"name": "Delta Local IT", "role": "reseller", "country": "DE"}],
            "lines": [{"sku": sku, "quantity": q} for sku, q in lines],
            "intended_use": uses,
            "use_description": "",
            "end_use_statement": "none",
            "value": {"amount": "180000.00", "currency": "EUR"},
            "expected_close_date": "2027-06-30",
        }
        opportunity_register(actor=rep, data=body, source="demo")
        made += 1
    return made
