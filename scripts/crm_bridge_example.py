#!/usr/bin/env python3
"""An example CRM bridge: posts CRM opportunities to the screening API, and receives the
decision webhook (verifying its signature) to write the outcome back to the CRM.

Standard library only, so a CRM team can run it anywhere with Python 3.11+. It maps a
Salesforce-shaped opportunity (docs/integrations.md has the Salesforce and Dynamics 365
mappings); the write-back it would make is printed, or sent when SF_INSTANCE_URL and
SF_ACCESS_TOKEN are set.

    # 1. post deals (a JSON list of Salesforce opportunities, e.g. from a SOQL export)
    HRDD_URL=https://hrdd.example.com HRDD_TOKEN=... \\
        python3 scripts/crm_bridge_example.py post opportunities.json
    # 2. receive decisions (register https://<this host>/hrdd-webhook for case.decided)
    HRDD_WEBHOOK_SECRET=whsec_... python3 scripts/crm_bridge_example.py receive --port 8080
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import os
import sys
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer

TOLERANCE_SECONDS = 300

# CRM picklist values -> the screening vocabulary (codes in README "Registering deals").
END_USER_TYPE = {
    "Government - Police": "police",
    "Government - Intelligence": "intelligence_agency",
    "Government - Defence": "military",
    "Government - Civil": "other_government",
    "Telecom - State": "state_telecom",
    "Telecom - Private": "private_telecom",
    "Enterprise": "private_enterprise",
    "Financial Services": "financial_institution",
    "Healthcare": "healthcare",
    "Education": "education_research",
    "NGO": "ngo_civil_society",
    "State-owned Enterprise": "state_owned_enterprise",
}
PARTNER_ROLE = {
    "Distributor": "distributor",
    "Reseller": "reseller",
    "System Integrator": "integrator",
    "Agent": "agent",
}
END_USE_STATEMENT = {"Signed": "signed", "Requested": "requested", "Refused": "refused"}


def salesforce_to_hrdd(opp: dict) -> dict:
    """One Salesforce Opportunity (with Account, OpportunityLineItems and partners) as the
    screening API's body. `external_id` is the Salesforce Id, so posting twice is safe."""
    account = opp.get("Account") or {}
    country = account.get("ShippingCountryCode") or account.get("BillingCountryCode") or ""
    return {
        "external_id": opp["Id"],
        "title": opp["Name"],
        "end_customer": {
            "name": account.get("Name", ""),
            "country": country,
            "type": END_USER_TYPE.get(account.get("Type", ""), "unknown"),
            "sector": account.get("Industry") or "",
        },
        "delivery_country": opp.get("Delivery_Country__c") or country,
        "channel": [
            {
                "name": p["AccountTo"]["Name"],
                "role": PARTNER_ROLE.get(p["Role"], "reseller"),
                "country": p["AccountTo"].get("BillingCountryCode", ""),
            }
            for p in (opp.get("OpportunityPartnersFrom") or {}).get("records", [])
        ],
        "lines": [
            {"sku": li["ProductCode"], "quantity": int(li["Quantity"])}
            for li in (opp.get("OpportunityLineItems") or {}).get("records", [])
        ],
        "intended_use": [u for u in (opp.get("Intended_Use__c") or "").split(";") if u]
        or ["unspecified"],
        "use_description": opp.get("Description") or "",
        "value": {
            "amount": f"{opp.get('Amount') or 0:.2f}",
            "currency": opp.get("CurrencyIsoCode", "USD"),
        },
        "expected_close_date": opp.get("CloseDate"),
        "customization": bool(opp.get("Custom_Services__c")),
        "red_flags": [],
        "end_use_statement": END_USE_STATEMENT.get(opp.get("End_Use_Statement__c") or "", "none"),
    }


def post_opportunities(base_url: str, token: str, opportunities: list[dict]) -> list[dict]:
    """POST each deal; returns the API's answers (status and tier as you may see them)."""
    answers = []
    for opp in opportunities:
        request = urllib.request.Request(
            base_url.rstrip("/") + "/api/v1/opportunities/",
            data=json.dumps(salesforce_to_hrdd(opp)).encode(),
            headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                body = json.loads(response.read())
        except urllib.error.HTTPError as exc:
            body = {"error": exc.code, "detail": json.loads(exc.read() or b"{}")}
        answers.append({"crm_id": opp["Id"], **body})
        print(json.dumps(answers[-1])[:300])
    return answers


def signature_valid(secret: str, body: bytes, header: str, now: int | None = None) -> bool:
    """HRDD-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">."""
    try:
        fields = dict(part.split("=", 1) for part in header.split(","))
        sent_at = int(fields["t"])
    except (KeyError, ValueError):
        return False
    if abs((now or int(time.time())) - sent_at) > TOLERANCE_SECONDS:
        return False  # an old capture played again
    expected = hmac.new(secret.encode(), f"{sent_at}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, fields.get("v1", ""))


def salesforce_update(event: dict) -> tuple[str, dict] | None:
    """The Salesforce write-back for a webhook event: (Opportunity external id, fields)."""
    deal = event["data"].get("deal") or {}
    if not deal.get("external_id"):
        return None
    fields = {"HRDD_Deal_Id__c": deal["id"], "HRDD_Status__c": deal["status_label"]}
    if event["type"] == "case.decided":
        fields |= {
            "HRDD_Decision__c": event["data"]["outcome"],
            "HRDD_Feedback__c": event["data"].get("feedback", ""),
        }
    if event["type"] in ("deal.screened", "deal.tier_changed"):
        fields["HRDD_Tier__c"] = event["data"]["tier"]
    return deal["external_id"], fields


def make_handler(secret: str, seen: set[str], on_event=None):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if not signature_valid(secret, body, self.headers.get("HRDD-Signature", "")):
                self.send_response(401)
                self.end_headers()
                return
            event = json.loads(body)
            if event["id"] not in seen:  # a retry or replay of what we already applied
                seen.add(event["id"])
                update = salesforce_update(event)
                (on_event or _apply)(event, update)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    return Handler


def _apply(event: dict, update: tuple[str, dict] | None) -> None:
    if update is None:
        return
    crm_id, fields = update
    instance, access = os.environ.get("SF_INSTANCE_URL"), os.environ.get("SF_ACCESS_TOKEN")
    url = f"{instance}/services/data/v61.0/sobjects/Opportunity/{crm_id}"
    if not (instance and access):
        print(f"{event['type']}: would PATCH {url or crm_id} {json.dumps(fields)}")
        return
    request = urllib.request.Request(
        url,
        data=json.dumps(fields).encode(),
        method="PATCH",
        headers={"Authorization": f"Bearer {access}", "Content-Type": "application/json"},
    )
    urllib.request.urlopen(request, timeout=30).close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    post = sub.add_parser("post", help="post Salesforce opportunities (a JSON list) as deals")
    post.add_argument("file")
    receive = sub.add_parser("receive", help="receive signed webhooks and write back")
    receive.add_argument("--host", default="127.0.0.1")
    receive.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    if args.command == "post":
        with open(args.file, encoding="utf-8") as f:
            post_opportunities(os.environ["HRDD_URL"], os.environ["HRDD_TOKEN"], json.load(f))
        return 0
    server = HTTPServer(
        (args.host, args.port), make_handler(os.environ["HRDD_WEBHOOK_SECRET"], set())
    )
    print(f"listening on {args.host}:{args.port}")
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
