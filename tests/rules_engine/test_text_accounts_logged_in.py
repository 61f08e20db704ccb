"""The police logging in to activists', journalists' or protesters' accounts read their
messages from inside: interception of stored communications. People logging in to their
own accounts, IT staff to the company's own and a support engineer to a customer's with
consent stay ordinary."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        "The police want to log in to the activists' accounts without their knowledge.",
        "Police officers will log into the email accounts of the activists.",
        "La police veut se connecter aux comptes des militants à leur insu.",
        "La policía quiere entrar en las cuentas de los activistas sin que lo sepan.",
        "A polícia quer entrar nas contas dos ativistas sem que eles saibam.",
        "تريد الشرطة الدخول إلى حسابات الناشطين دون علمهم.",
        "Полиция хочет входить в аккаунты активистов без их ведома.",
        "警方想在不通知的情况下登录活动人士的账户。",
    ],
)
def test_logging_in_to_a_protected_groups_accounts_is_read(text):
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "IT staff log in to the company's own accounts to reset passwords.",
        "Activists log in to their accounts with hardware security keys.",
        "Journalists sign in to their accounts through the newsroom's single sign-on.",
        "A support engineer logs in to the customer's account with their consent.",
        "Les militants se connectent à leurs comptes avec une clé de sécurité.",
        "Los activistas entran en sus cuentas con llaves de seguridad.",
        "Os ativistas entram nas suas contas com chaves de segurança.",
        "يدخل الناشطون إلى حساباتهم باستخدام مفاتيح أمان.",
        "Активисты входят в свои аккаунты с аппаратным ключом.",
        "活动人士用硬件密钥登录自己的账户。",
        "记者通过编辑部的单点登录进入自己的账号。",
    ],
)
def test_logging_in_to_ones_own_accounts_stays_ordinary(text):
    assert categories(text) == set()
