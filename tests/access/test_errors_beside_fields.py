"""Every form shows each field's error beside the field, in the form's words, with
aria-invalid and aria-describedby set by the server (not only by the page's script)."""

from __future__ import annotations

import pytest

from tests.fielderrors import invalid_fields

pytestmark = pytest.mark.django_db


def _deal(**overrides):
    body = {
        "title": "Campus refresh",
        "ec_name": "Fjord Logistics AS",
        "ec_country": "NO",
        "ec_type": "private_enterprise",
        "line-0-sku": "NET-4400",
        "line-0-quantity": "12",
        "intended_use": "enterprise_it",
        "value_amount": "250000",
        "value_currency": "USD",
        "end_use_statement": "none",
    }
    body.update(overrides)
    return body


def test_the_deal_form_marks_each_refused_field_and_says_why_beside_it(
    client, sales_rep, catalogue
):
    client.force_login(sales_rep)
    response = client.post(
        "/deals/new/",
        _deal(title="", ec_country="", value_amount="lots", **{"line-0-quantity": "0"}),
    )
    assert response.status_code == 400
    fields = invalid_fields(response.content.decode())
    assert fields["title"] == "Please fill this in."
    assert fields["ec_country"] == "Please fill this in."
    assert fields["value_amount"].startswith("Value: Enter a number")
    assert "line-0-quantity" in fields and "1" in fields["line-0-quantity"]
    assert "ec_name" not in fields and "ec_type" not in fields  # only the refused ones


def test_a_deal_without_products_points_the_first_product_at_the_message(
    client, sales_rep, catalogue
):
    client.force_login(sales_rep)
    body = _deal(**{"line-0-sku": ""})
    del body["intended_use"]
    response = client.post("/deals/new/", body)
    fields = invalid_fields(response.content.decode())
    assert fields["line-0-sku"] == "Choose at least one product."
    assert fields["intended_use"] == (
        "Choose at least one intended use (or “unspecified” if you do not know)."
    )


def _claimed(make_deal, case_of, reviewer):
    from reviews.services import review_claim

    return review_claim(case=case_of(make_deal("medium")), actor=reviewer)


def test_a_refused_decision_shows_each_error_beside_its_field(client, reviewer, make_deal, case_of):
    case = _claimed(make_deal, case_of, reviewer)
    client.force_login(reviewer)
    client.post(
        f"/reviews/cases/{case.pk}/decide/", {"outcome": "reject", "reasons": "", "feedback": ""}
    )
    fields = invalid_fields(client.get(f"/reviews/cases/{case.pk}/").content.decode())
    assert fields["reasons"] == "Give the reasons for the decision."
    assert fields["feedback"] == "Tell the submitter why, in words they can act on."
    assert "outcome" not in fields


def test_a_condition_due_in_the_past_is_marked_on_its_own_row(
    client, reviewer, sales_rep, make_deal, case_of
):
    from reviews.models import Mitigation

    case = _claimed(make_deal, case_of, reviewer)
    code = Mitigation.objects.filter(active=True).first().code
    client.force_login(reviewer)
    client.post(
        f"/reviews/cases/{case.pk}/decide/",
        {
            "outcome": "approve_with_conditions",
            "reasons": "Research use.",
            "feedback": "Sign it.",
            "cond-1-mitigation": code,
            "cond-1-owner": str(sales_rep.pk),
            "cond-1-due_date": "2030-01-01",
            "cond-2-mitigation": code,
            "cond-2-owner": str(sales_rep.pk),
            "cond-2-due_date": "2001-01-01",
        },
    )
    fields = invalid_fields(client.get(f"/reviews/cases/{case.pk}/").content.decode())
    assert fields == {"cond-2-due_date": "Choose a date from today on."}


def _answer_fields(client, world, partner_a, body):
    from reviews.models import InformationRequest

    question = InformationRequest.objects.get(addressed_to=partner_a, answered_at__isnull=True)
    client.force_login(partner_a)
    client.post(f"/reviews/requests/{question.pk}/answer/", body)
    return invalid_fields(client.get(f"/deals/{world['deal'].pk}/").content.decode())


def test_a_refused_file_is_marked_on_the_file_field_not_on_the_answer(world, client, partner_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    program = SimpleUploadedFile(
        "tool.exe", b"MZ\x90\x00" + b"0" * 64, content_type="application/octet-stream"
    )
    fields = _answer_fields(client, world, partner_a, {"answer": "Kiel.", "attachment": program})
    assert list(fields) == ["attachment"]
    assert "choose the file again" in fields["attachment"]


def test_an_empty_answer_is_marked_on_the_answer(world, client, partner_a):
    fields = _answer_fields(client, world, partner_a, {"answer": "  "})
    assert list(fields) == ["answer"] and fields["answer"].startswith("Write your answer")


def test_a_refused_upload_is_marked_on_the_file_field(client, partner_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(partner_a)
    program = SimpleUploadedFile(
        "pos.csv", b"MZ\x90\x00\x00" + bytes(range(256)) * 4, content_type="text/csv"
    )
    page = client.post("/imports/upload/", {"file": program}, follow=True).content.decode()
    fields = invalid_fields(page)
    assert list(fields) == ["file"] and fields["file"]
    assert "file" not in invalid_fields(client.get("/imports/").content.decode())  # shown once


def test_an_incomplete_mapping_marks_each_column_left_out(client, partner_a, catalogue):
    from channel_imports.models import ChannelImport
    from tests.channel_imports.conftest import csv_upload, row

    client.force_login(partner_a)
    from channel_imports.rows import COLUMNS

    client.post("/imports/upload/", {"file": csv_upload([row()], columns=[*COLUMNS, "Notes"])})
    imp = ChannelImport.objects.get()
    mapping = {f"map-{col}": header for col, header in imp.mapping.items()}
    mapping["map-quantity"] = ""
    r = client.post(f"/imports/{imp.pk}/mapping/", mapping)
    assert r.status_code == 400
    fields = invalid_fields(r.content.decode())
    assert fields == {"map-quantity": "Required: choose the file's column for it."}


def test_an_answer_too_long_says_so_beside_it_and_keeps_every_word(world, client, partner_a):
    from reviews.models import InformationRequest

    question = InformationRequest.objects.get(addressed_to=partner_a, answered_at__isnull=True)
    answer = "The sites are listed below. " * 400 + "Last site: Kiel harbour."  # 11,224 characters
    client.force_login(partner_a)
    client.post(f"/reviews/requests/{question.pk}/answer/", {"answer": answer})
    page = client.get(f"/deals/{world['deal'].pk}/").content.decode()
    fields = invalid_fields(page)
    assert list(fields) == ["answer"]
    assert "10,000" in fields["answer"] and "11,224" in fields["answer"], fields["answer"]
    assert "Last site: Kiel harbour." in page  # nothing typed is lost
