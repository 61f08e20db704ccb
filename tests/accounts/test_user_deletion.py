"""A user who appears in the audit trail is deactivated, never deleted (and is told so)."""

from __future__ import annotations

import pytest

from accounts.models import User
from accounts.services import user_delete
from audit.models import AuditEvent
from audit.services import audit_record
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(vendor):
    return UserFactory(
        username="sam_superuser",
        role=User.Role.ADMIN,
        organisation=vendor,
        is_staff=True,
        is_superuser=True,
    )


@pytest.fixture
def audited_rep(sales_rep):
    audit_record(
        actor=sales_rep,
        action="opportunity.registered",
        object_type="opportunity",
        object_id=1,
        opportunity_id=1,
    )
    return sales_rep


def test_deleting_an_audited_user_in_the_admin_deactivates_them_and_says_so(
    client, superuser, audited_rep
):
    client.force_login(superuser)
    url = f"/admin/accounts/user/{audited_rep.pk}/delete/"
    page = client.get(url)
    assert page.status_code == 200
    assert "deactivated" in page.content.decode()  # the confirmation page warns first
    response = client.post(url, {"post": "yes"}, follow=True)
    assert response.status_code == 200
    audited_rep.refresh_from_db()
    assert not audited_rep.is_active
    assert "deactivated instead" in response.content.decode()
    assert AuditEvent.objects.filter(actor=audited_rep).count() == 1
    assert AuditEvent.objects.filter(
        action="user.deactivated", object_id=str(audited_rep.pk)
    ).exists()


def test_the_admin_bulk_delete_action_deactivates_audited_users_and_deletes_the_rest(
    client, superuser, audited_rep, partner_a
):
    client.force_login(superuser)
    response = client.post(
        "/admin/accounts/user/",
        {
            "action": "delete_selected",
            "_selected_action": [audited_rep.pk, partner_a.pk],
            "post": "yes",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert User.objects.filter(pk=audited_rep.pk, is_active=False).exists()
    assert not User.objects.filter(pk=partner_a.pk).exists()
    assert "deactivated instead" in response.content.decode()


def test_the_service_deletes_a_user_with_no_history(partner_a, superuser):
    assert user_delete(user=partner_a, actor=superuser) == "deleted"
    assert not User.objects.filter(pk=partner_a.pk).exists()


def test_the_service_deactivates_an_audited_user(audited_rep, superuser):
    assert user_delete(user=audited_rep, actor=superuser) == "deactivated"
    audited_rep.refresh_from_db()
    assert not audited_rep.is_active
