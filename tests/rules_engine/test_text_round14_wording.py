"""Wording of new writing read in the seven languages: a group of people told apart from the
rest of a population by a model; a phone or app that sends its position and cannot be
uninstalled, and location data sent straight to an interior ministry or the police; people
held in a compound or camp with no visits, kept until a security office decides they may
leave; the subscribers whose phones were somewhere during a protest. With the ordinary deals
their words must leave alone, and the words that read too much before: Arabic "for human
rights" taken for a rights activist, Russian "national" taken for nationality, French
"store" taken for a warehouse's stock, a documentary named in a sentence about banned content;
and the learned cues' words that are the trade's own (procurement, an invoice, shipping) or a
case system's data protection (secure storage, encryption at rest, access by role).

Each dangerous sentence raised nothing of its category before these entries were added.
Sentences written for the purpose (not taken from the labelled texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        ("profiling", "The model must tell Kurds apart from other residents in the street photos."),
        ("profiling", "Le modèle doit différencier les Tibétains des autres habitants."),
        (
            "profiling",
            "El sistema debe diferenciar a los rohinyás de los demás vecinos en las cámaras.",
        ),
        ("profiling", "O modelo deve diferenciar os rohingyas dos demais moradores."),
        ("profiling", "النموذج يفرق بين الأكراد وبقية الركاب."),
        ("profiling", "Нужно отличать курдов от остальных пассажиров."),
        (
            "tracking",
            "Each tablet carries a tracker app that cannot be uninstalled and sends its location hourly.",
        ),
        (
            "tracking",
            "Une appli impossible à désinstaller envoie la position du porteur toutes les heures.",
        ),
        ("tracking", "Una aplicación que no se puede desinstalar envía la ubicación cada hora."),
        (
            "tracking",
            "Um aplicativo que não pode ser desinstalado envia a localização a cada hora.",
        ),
        ("tracking", "تطبيق لا يمكن إزالته يرسل الموقع كل ساعة."),
        ("tracking", "Приложение, которое нельзя удалить, каждый час отправляет геолокацию."),
        ("tracking", "预装一个无法卸载的应用，每小时上报定位。"),
        (
            "tracking",
            "The bracelets' GPS data is forwarded every night to the ministry of interior.",
        ),
        (
            "tracking",
            "Les données GPS des bracelets partent chaque nuit au ministère de l'intérieur.",
        ),
        ("tracking", "Los datos de ubicación van cada noche al Ministerio del Interior."),
        (
            "tracking",
            "Os dados de localização das pulseiras seguem toda noite para o Ministério do Interior.",
        ),
        ("tracking", "ترسل بيانات الموقع من الأساور كل ليلة إلى وزارة الداخلية."),
        ("tracking", "Данные о местоположении браслетов каждую ночь уходят в МВД."),
        ("tracking", "手环的位置数据每晚发送给公安。"),
        ("detention", "Trainees in the compound are not allowed visits."),
        ("detention", "Les stagiaires du camp n'ont droit à aucune visite."),
        ("detention", "Los aprendices del complejo no tienen visitas."),
        ("detention", "Os formandos do complexo não têm visitas."),
        ("detention", "المتدربين في المجمع ممنوعون من الزيارات."),
        ("detention", "Обучающимся в лагере свиданий не положено."),
        ("detention", "营地里的学员不允许探视。"),
        ("detention", "Residents are kept until the security office decides they may leave."),
        ("detention", "Ils restent jusqu'à ce que le bureau de sécurité décide de leur sortie."),
        ("detention", "Se quedan hasta que la oficina de seguridad decida su salida."),
        ("detention", "Eles ficam até que o setor de segurança decida a saída."),
        ("detention", "يبقون حتى يقرر مكتب الأمن خروجهم."),
        ("detention", "Они остаются там, пока отдел безопасности не решит их судьбу."),
        ("detention", "他们要一直待到保卫处决定放人。"),
        (
            "targets_dissent",
            "Pull the subscribers whose handsets pinged the bridge during the protest.",
        ),
        ("targets_dissent", "Extraire les abonnés présents près du pont pendant la manifestation."),
        ("targets_dissent", "Extraer los abonados presentes junto al puente durante la protesta."),
        ("targets_dissent", "Extrair os assinantes presentes perto da ponte durante o protesto."),
        ("targets_dissent", "استخراج المشتركين الموجودين قرب الجسر أثناء المظاهرة."),
        ("targets_dissent", "Выгрузить абонентов у моста во время митинга."),
        ("targets_dissent", "导出示威期间在桥边出现的用户。"),
        (
            "censorship",
            "Remove comments criticising the president from threads that link the banned documentary.",
        ),
        (
            "censorship",
            "Supprimer les publications qui critiquent le régime et relaient le documentaire interdit.",
        ),
        (
            "censorship",
            "Borrar los comentarios que critican al gobierno bajo el documental prohibido.",
        ),
        (
            "censorship",
            "Apagar os comentários que criticam o governo e compartilham o documentário proibido.",
        ),
        ("interception", "Déchiffrer puis stocker les conversations des utilisateurs."),
    ],
)
def test_round14_wording_is_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The style guide distinguishes British from American spelling.",
        "The kiosk app cannot be uninstalled by pupils; it only shows the timetable.",
        "Location data of the delivery vans stays with the logistics team.",
        "The museum gets no visits on Mondays.",
        "Subscribers get a discount during the summer promotion.",
        "Les abonnés reçoivent une remise pendant la période des soldes.",
        "Система отличает спам от обычных писем.",
        "تعمل اللجنة الوطنية لحقوق الإنسان على أرشفة ملفاتها في قاعدة بيانات آمنة.",
        "Национальная библиотека обновляет базу каталога.",
        "Nous devons stocker les palettes au dépôt.",
        "A documentary about the dockers' strike will be streamed to schools.",
        "Un documentaire sur les manifestations de 1968 pour la chaîne d'histoire.",
        "Un documental sobre las protestas de 1968 para el canal de historia.",
        "Gestion des stocks et inventaire des palettes du dépôt.",
    ],
)
def test_ordinary_deals_with_the_new_words_raise_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # the trade's own words (procurement, tender, invoice, shipping, "through") are no cue
        "Procurement through the regional water board tender.",
        "Procurement goes through the regional transport authority.",
        "Ship to Lisbon, invoice to the Paris office.",
        # a body's own case files kept with data protection features
        "La comisión nacional de la verdad renueva su base de datos de expedientes: "
        "almacenamiento seguro de declaraciones, cifrado en reposo.",
        "تحدّث اللجنة الوطنية للحقيقة قاعدة بيانات الملفات: تخزين آمن للإفادات، "
        "وتشفير البيانات المخزنة، واستضافة داخل البلد.",
        "Национальная комиссия по делам ветеранов обновляет базу дел: защищённое хранение "
        "заявлений, ролевой доступ.",
    ],
)
def test_ordinary_deals_once_read_as_a_red_flag_raise_nothing(text: str) -> None:
    assert categories(text) == set()
