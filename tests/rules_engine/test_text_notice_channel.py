"""A channel the deal's own system sends notices by (SMS, e-mail) is not communications
taken: "record the meter readings and send email reminders to tenants" or "отправлять
СМС-напоминания" read no interception (``notice_channel``).

Each ordinary sentence read interception before the change; the dangerous ones are read
as ever: an act that takes the messages, a protected group in the sentence, a channel that
carries no notice. Sentences written for the purpose (not taken from the labelled texts).
No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        "Record the meter readings and send email reminders to tenants.",
        "Record attendance at the training sessions, with email confirmations to each participant.",
        "Enregistrer les relevés des compteurs et envoyer des rappels par courriel aux locataires.",
        "Grabar la asistencia a las sesiones de formación, con confirmaciones por correo a cada "
        "participante.",
        "Записывать показания счётчиков и отправлять жильцам напоминания по электронной почте.",
        "Записывать посещаемость обучения и отправлять СМС-напоминания слушателям.",
        "تسجيل قراءات العدادات وإرسال تذكيرات بالبريد الإلكتروني إلى المستأجرين.",
    ],
)
def test_the_channel_of_a_systems_own_notices_reads_no_interception(text: str) -> None:
    assert "interception" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "They want to intercept the SMS verification codes of bank customers.",
        "Intercepter les codes de vérification SMS des abonnés.",
        "Перехват СМС-кодов подтверждения абонентов.",
        "拦截用户的短信验证码。",
        "They want to monitor the SMS alerts of the activists.",
        "Monitor the SMS of every subscriber on the network.",
        "Record every email of the staff union.",
        # everyone's messages, or the public's, with a "when" that is no notice
        "Monitor all SMS when the election begins.",
        "Monitor subscribers' SMS when they travel abroad.",
        "Monitorear los SMS de los abonados y enviar alertas al analista.",
    ],
)
def test_messages_taken_watched_on_a_group_or_carrying_no_notice_are_read(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Monitor SMS when the rally begins in the capital.",
        "Monitor email alerts and messages of all staff of the newspaper.",
        "Surveiller les SMS quand ils parlent de la grève.",
        "Monitorear los SMS cuando empiece la marcha.",
        "Monitorar os SMS quando começar o protesto.",
        "مراقبة بالايميل عندما تبدأ المظاهرة.",
        "监控短信提醒以外的所有内容。",
        "监控邮件提醒和私信内容。",
    ],
)
def test_evasions_a_review_found_read_interception(text: str) -> None:
    """A hostile review of the first version: "when" and codes taken for notices, "all" outside the match. Each read interception before the change and none by that version."""
    assert "interception" in categories(text)
