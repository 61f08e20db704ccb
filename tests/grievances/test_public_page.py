"""The public report page: no account, no JavaScript, four languages, a receipt code
shown once, and its abuse checks."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from audit.models import AuditEvent
from grievances.models import PublicAttempt, Report, ReportFile
from grievances.services import receipt_hash, report_answer

from .conftest import PDF, png, report_form

pytestmark = pytest.mark.django_db

CODE = re.compile(r'id="receipt-code" dir="ltr">([A-Z2-7-]+)<')


def _file(client, **overrides):
    return client.post("/report/", report_form(**overrides))


def _code(response) -> str:
    match = CODE.search(response.content.decode())
    assert match, response.content.decode()[:2000]
    return match.group(1)


def test_an_anonymous_reporter_files_in_arabic_with_a_file_and_reads_the_answer(client, reviewer):
    client.post("/i18n/setlang/", {"language": "ar", "next": "/report/"})
    page = client.get("/report/")
    html = page.content.decode()
    assert page.status_code == 200
    assert '<html lang="ar" dir="rtl">' in html
    assert "الإبلاغ عن إساءة استخدام أو ضرر" in html  # "Report misuse or harm"
    assert "<script" not in html  # works without JavaScript

    sent = _file(client, attachment=png("evidence.png"))
    assert sent.status_code == 200
    assert "شكرًا لك: تم استلام بلاغك" in sent.content.decode()
    code = _code(sent)
    assert len(code.replace("-", "")) == 26  # 128 bits in base 32
    assert "no-store" in sent["Cache-Control"]
    report = Report.objects.get()
    assert report.language == "ar" and report.anonymous and report.reporter_name == ""
    assert report.receipt_hash == receipt_hash(code)
    assert code.replace("-", "") not in str(Report.objects.values().get())  # only its hash
    assert ReportFile.objects.get(report=report).size == len(png().read())

    followed = client.post("/report/follow-up/", {"receipt": code})
    assert followed.status_code == 200
    assert "تم الاستلام" in followed.content.decode()  # "Received"

    report_answer(report=report, actor=reviewer, body="We are looking into the cameras you named.")
    answered = client.post("/report/follow-up/", {"receipt": code.lower()})
    html = answered.content.decode()
    assert "We are looking into the cameras you named." in html
    assert "قيد التقييم" in html  # "Being assessed"

    added = client.post(
        "/report/follow-up/",
        {"receipt": code, "add": "1", "body": "Another site.", "attachment": png("second.png")},
    )
    assert added.status_code == 200
    assert "Another site." in added.content.decode()
    assert report.files.count() == 2


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "Report misuse or harm"),
        ("fr", "Signaler un usage abusif"),
        ("es", "Denunciar un uso indebido"),
        ("ar", "الإبلاغ عن إساءة"),
    ],
)
def test_the_page_speaks_each_language_and_lays_arabic_out_right_to_left(language, words):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    html = client.get("/report/").content.decode()
    assert words in html
    assert f'dir="{"rtl" if language == "ar" else "ltr"}"' in html
    assert 'action="/i18n/setlang/"' in html  # a language choice that needs no script


def test_a_reporter_who_gives_a_name_is_recorded_only_when_not_anonymous(client):
    _file(client, anonymous="", reporter_name="Leila", reporter_contact="signal +000")
    _file(client, reporter_name="Should be dropped")  # anonymous stays ticked
    named, anonymous = Report.objects.order_by("pk")
    assert (named.reporter_name, named.reporter_contact, named.anonymous) == (
        "Leila",
        "signal +000",
        False,
    )
    assert anonymous.reporter_name == "" and anonymous.anonymous
    events = AuditEvent.objects.filter(action="report.received")
    assert "Leila" not in str(list(events.values()))  # the trail never names a reporter


def test_a_filled_honeypot_is_refused_and_nothing_is_stored(client):
    response = _file(client, website="http://spam.example")
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_a_form_sent_faster_than_a_person_could_is_refused(client, settings):
    settings.GRIEVANCE_MIN_FILL_SECONDS = 30
    assert _file(client).status_code == 400
    assert _file(client, started="forged:stamp").status_code == 400
    assert not Report.objects.exists()


def test_a_file_that_is_not_what_its_name_says_is_refused(client):
    response = _file(client, attachment=png("photo.png", b"MZ\x90\x00 a windows program"))
    assert response.status_code == 400
    assert "PDF, PNG or JPG" in response.content.decode()
    assert not Report.objects.exists()


def test_a_file_over_the_size_limit_is_refused(client):
    big = png("big.pdf", PDF + b"0" * (5 * 1024 * 1024))
    assert _file(client, attachment=big).status_code == 400
    assert not Report.objects.exists()


def test_reports_from_one_address_are_rate_limited(client, settings):
    settings.GRIEVANCE_REPORTS_PER_HOUR = 2
    assert _file(client).status_code == 200
    assert _file(client).status_code == 200
    assert _file(client).status_code == 429
    other = Client(REMOTE_ADDR="198.51.100.7")
    assert other.post("/report/", report_form()).status_code == 200
    assert Report.objects.count() == 3
    assert "198.51.100.7" not in str(list(PublicAttempt.objects.values()))  # hashed only


def test_guessing_receipt_codes_is_rate_limited(client, settings):
    settings.GRIEVANCE_LOOKUPS_PER_HOUR = 3
    for _ in range(3):
        assert client.post("/report/follow-up/", {"receipt": "AAAA-BBBB"}).status_code == 404
    assert client.post("/report/follow-up/", {"receipt": "AAAA-BBBB"}).status_code == 429


def test_the_public_form_keeps_its_csrf_protection():
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/report/", report_form()).status_code == 403
    page = strict.get("/report/")
    token = page.cookies["csrftoken"].value
    assert (
        strict.post("/report/", {**report_form(), "csrfmiddlewaretoken": token}).status_code == 200
    )


def test_a_closed_report_takes_no_more_information(client, reviewer):
    code = _code(_file(client))
    from grievances.services import report_record_outcome

    report_record_outcome(
        report=Report.objects.get(), actor=reviewer, outcome="out_of_scope", note="Not our product."
    )
    response = client.post("/report/follow-up/", {"receipt": code, "add": "1", "body": "More."})
    assert response.status_code == 400
    assert "Outside what we can act on" in response.content.decode()


def test_a_receipt_code_in_the_address_opens_nothing(client):
    code = _code(_file(client))
    response = client.get(f"/report/follow-up/?receipt={code}")
    assert response.status_code == 200
    assert "Report R-" not in response.content.decode()  # only the form: codes go in the body


def test_one_report_s_code_does_not_open_another(client):
    first = _code(_file(client, what="First report."))
    _file(client, what="Second report.")
    html = client.post("/report/follow-up/", {"receipt": first}).content.decode()
    assert Report.objects.order_by("pk").first().reference in html
    assert Report.objects.order_by("pk").last().reference not in html


def test_countries_are_named_in_the_reporter_s_language():
    html = Client(HTTP_ACCEPT_LANGUAGE="ar").get("/report/").content.decode()
    assert '<option value="EG">مصر</option>' in html
    html = Client(HTTP_ACCEPT_LANGUAGE="es").get("/report/").content.decode()
    assert '<option value="EG">Egipto</option>' in html
