"""The deal registration form: web POST data to and from the API's shape.

Validation itself is `validation.opportunity_validate`, shared with the API, so the form
and the API accept and refuse exactly the same deals.
"""

from __future__ import annotations

import re

CHANNEL_ROWS = 3
LINE_ROWS = 4
MAX_ROWS = 20


def _row_indexes(post, prefix: str, minimum: int) -> list[int]:
    found = {int(m.group(1)) for k in post for m in [re.match(rf"{prefix}-(\d+)-", k)] if m}
    return sorted(i for i in found | set(range(minimum)) if i < MAX_ROWS)


def form_to_data(post) -> dict:
    """Turn the form's fields into the API body. Blank rows are dropped."""
    channel = []
    for i in _row_indexes(post, "channel", CHANNEL_ROWS):
        row = {k: post.get(f"channel-{i}-{k}", "").strip() for k in ("name", "role", "country")}
        if row["name"]:
            channel.append(row)
    lines = []
    for i in _row_indexes(post, "line", LINE_ROWS):
        sku = post.get(f"line-{i}-sku", "").strip()
        name = post.get(f"line-{i}-name", "").strip()
        caps = post.getlist(f"line-{i}-capabilities")
        qty = post.get(f"line-{i}-quantity", "").strip()
        if sku or name:
            line = {"sku": sku, "name": name, "quantity": qty or None}
            if not sku:
                line["capabilities"] = caps
            lines.append(line)
    return {
        "external_id": post.get("external_id", "").strip(),
        "title": post.get("title", "").strip(),
        "end_customer": {
            "name": post.get("ec_name", "").strip(),
            "country": post.get("ec_country", "").strip(),
            "type": post.get("ec_type", "").strip(),
            "sector": post.get("ec_sector", "").strip(),
        },
        "delivery_country": post.get("delivery_country", "").strip()
        or post.get("ec_country", "").strip(),
        "channel": channel,
        "lines": lines,
        "intended_use": post.getlist("intended_use"),
        "use_description": post.get("use_description", ""),
        "value": {
            "amount": post.get("value_amount", "").strip(),
            "currency": post.get("value_currency", "").strip(),
        },
        "expected_close_date": post.get("expected_close_date") or None,
        "customization": post.get("customization") == "on",
        "red_flags": post.getlist("red_flags"),
        "end_use_statement": post.get("end_use_statement", "none"),
    }


def data_to_form(data: dict) -> dict:
    """Values for re-display, in the template's terms."""
    ec = data.get("end_customer") or {}
    channel = list(data.get("channel") or [])
    lines = list(data.get("lines") or [])
    channel += [{}] * max(0, CHANNEL_ROWS - len(channel))
    lines += [{}] * max(0, LINE_ROWS - len(lines))
    return {
        **data,
        "ec": ec,
        "channel_rows": channel,
        "line_rows": lines,
        "value": data.get("value") or {},
    }


def errors_for_form(errors: dict) -> dict:
    """Map API error paths (e.g. "channel[1].country") onto form names ("channel-1-country")."""
    out = {}
    for path, message in errors.items():
        name = path
        name = re.sub(r"^end_customer\.", "ec_", name)
        name = re.sub(
            r"^(channel|lines)\[(\d+)\]\.?",
            lambda m: f"{'line' if m.group(1) == 'lines' else 'channel'}-{m.group(2)}-",
            name,
        )
        name = name.replace("value.", "value_").rstrip("-")
        out[name] = message
    return out
