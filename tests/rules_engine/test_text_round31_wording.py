"""Wording of round 31's tuning half (the communications world) and of ordinary deals the
earlier rounds' tuning halves still flagged in some languages only.

- An act the text says is switched off ("call recording OFF by default", "la grabación
  de llamadas desactivada", "запись звонков отключена", "通话录音默认关闭") is a setting,
  not an act done (``switched_off``); a shutdown "switched off" is still censorship.
- Things whose names hold a word the lexicon reads: a channel a system sends its own
  alerts by ("surveillance des températures et alertes SMS"), unless the act is written
  right before it ("intercepter les alertes SMS"); a lost phone wiped by its owner's device
  management. A match ending on such a word reads nothing; one naming whose messages are
  read still reads. (A firewall's TLS inspection as a thing was tried and withdrawn: it
  cleared "Inspección TLS de todo el tráfico de los ciudadanos … para la policía".)
- Robocalls and spoofed numbers blocked, in every language. (An employer's web filter
  named "AUP" or "staff browsing" was tried again and withdrawn again: it cleared "SSL
  intercept on the national gateway for all subscribers' browsing, covered by the AUP".)
- Red flags: traffic to the opposition or independent media deprioritised, a mirror of
  every customer's traffic for an intelligence service (Arabic), people held at places on
  no register, "people who don't want to be found" looked up, interception targets
  provisioned by a ministry, a security service or the police, a Romani settlement's faces
  (Spanish). A hostile review of the first version found 30 dangerous sentences it lost
  and 17 ordinary ones it flagged (switched off then on again, for a while, or asked; a
  channel the act is done to; spoofed numbers and seized phones as benign context; every
  message "replicated" to a Kafka cluster; storage and sales "targets provisioned the same
  day"; records "not on any public register"; social networks deprioritised on a hotel's
  guest Wi-Fi): its sentences are the guards of the third and fourth tests.

Each dangerous sentence of the first test raised nothing of its category, and each ordinary
one of the second raised a red flag, before these changes; the third and fourth are guards (the round's own sentences are
shortened from it; the rest written for the purpose). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "censorship",
            "Le deal CDN est standard, mais ils veulent déprioriser le trafic vers la chaîne de "
            "streaming de l'opposition entre 18h et 23h.",
        ),
        ("censorship", "يريدون خفض أولوية حركة المرور إلى قناة البث التابعة للمعارضة."),
        ("censorship", "Хотят понижать приоритет трафика к стриминговому каналу оппозиции."),
        (
            "interception",
            "تطالب الاستخبارات العسكرية بنسخة مطابقة لكل حركة بيانات العملاء في المحطة الأرضية.",
        ),
        (
            "detention",
            "PTT radios for transfer teams moving detainees between sites not on any public "
            "register.",
        ),
        (
            "detention",
            "radios PTT para equipos que mueven detenidos entre sitios que no figuran en ningún "
            "registro público.",
        ),
        (
            "detention",
            "rádios para equipes que levam detentos entre locais que não constam de nenhum "
            "registro público.",
        ),
        (
            "detention",
            "рации для групп, перемещающих задержанных между объектами, которых нет ни в одном "
            "публичном реестре.",
        ),
        ("detention", "أجهزة لفرق تنقل المحتجزين بين مواقع غير مدرجة في أي سجل عام."),
        (
            "tracking",
            "A collections agency; they look up debtors and 'people who don't want to be found'.",
        ),
        (
            "tracking",
            "Una agencia de cobranza; buscan deudores y 'gente que no quiere que la encuentren'.",
        ),
        (
            "tracking",
            "Uma agência de cobrança; eles consultam devedores e 'pessoas que não querem ser encontradas'.",
        ),
        ("tracking", "他们用来查欠债人和“不想被找到的人”。"),
        (
            "interception",
            "Not since the March decree; the ministry sends orders straight to the operator's "
            "portal and targets are provisioned the same day.",
        ),
        (
            "interception",
            "Le ministère envoie les ordres et les cibles sont provisionnées le jour même.",
        ),
        (
            "interception",
            "El ministerio manda las órdenes y los objetivos se provisionan el mismo día.",
        ),
        ("interception", "O ministério envia as ordens e os alvos são provisionados no mesmo dia."),
        ("interception", "Министерство отправляет распоряжения, и цели заводятся в тот же день."),
        ("interception", "الوزارة ترسل الأوامر مباشرة وتُفعَّل الأهداف في اليوم نفسه."),
        (
            "profiling",
            "cliente entrena con un set de 'rostros de' asentamientos romaníes, etiquetado por "
            "asentamiento",
        ),
    ],
)
def test_red_flags_of_round_31_are_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "NGO helpline: a cloud phone system; they want call recording OFF by default.",
        "Call recording is disabled by default.",
        "Quieren la grabación de llamadas desactivada por defecto.",
        "Ils veulent l'enregistrement des appels désactivé par défaut.",
        "Querem a gravação de chamadas desativada por padrão.",
        "Запись звонков отключена по умолчанию.",
        "تسجيل المكالمات معطل افتراضيا.",
        "Ferme : chambre froide avec surveillance des températures et alertes SMS au responsable.",
        "Granja: cámara frigorífica con monitorización de temperatura y alertas por SMS al encargado.",
        "Mensajería cifrada preinstalada, MDM usado solo para borrar un equipo perdido o incautado.",
        "Compra firma STIR/SHAKEN y analítica de llamadas: bloquear robocalls con caller ID "
        "falsificado, meter en lista negra los números que reportan los abonados, etiquetar el "
        "resto como 'Spam Likely'.",
        "la grabación de llamadas desactivada por defecto en la centralita de la oficina.",
        "Messagerie chiffrée préinstallée, MDM utilisé uniquement pour effacer un appareil perdu.",
        "Мессенджер с шифрованием, MDM используется только для удалённой очистки телефона.",
    ],
)
def test_ordinary_deals_are_not_flagged(text: str) -> None:
    assert not categories(text)


@pytest.mark.parametrize(
    "category, text",
    [
        # read before these changes, in the languages whose words already said it
        (
            "censorship",
            "Quieren bajarle la prioridad al tráfico hacia el canal de streaming de la oposición.",
        ),
        ("censorship", "Querem despriorizar o tráfego para o canal de streaming da oposição."),
        ("detention", "供转运组在未列入任何公开登记的地点之间转移被拘押人员。"),
        (
            "detention",
            "radios pour des équipes qui déplacent des détenus entre des sites absents de tout "
            "registre public.",
        ),
        # a negation before the switching off affirms the act
        ("interception", "Call recording is not disabled."),
        # "off the books": where, not a setting
        ("interception", "Record the calls of activists off the books."),
        # a shutdown switched off is the act of censorship itself
        ("censorship", "Internet switched off in the province during protests."),
        # an SMS alert beside the SMS of a group read
        ("interception", "Surveiller tous les SMS des abonnés et envoyer des alertes SMS."),
        ("targets_dissent", "Le client veut surveiller les SMS des militants, avec alertes SMS."),
        # TLS inspection of everyone's traffic
        (
            "interception",
            "Inspection TLS de tout le trafic des abonnés, copie au ministère sans mandat.",
        ),
        ("interception", "SSL intercept on all subscriber traffic, copies to the ministry."),
        (
            "interception",
            "SSL intercept on the national gateway for all subscribers' browsing, covered by "
            "the AUP.",
        ),
        (
            "interception",
            "Intercept all subscribers' browsing at the national gateway, staff browsing excluded.",
        ),
        # a device wiped beside the opposition's channels deleted
        ("censorship", "MDM para borrar un equipo y borrar los canales de la oposición."),
        ("censorship", "Bloquer les sites de l'opposition et les robocalls."),
        # a hostile review of the first version: switched off, then on again, for a while,
        # or asked; a channel the act is done to; spoofed numbers and seized phones
        (
            "interception",
            "Interception of journalists' calls off for now until the new minister signs.",
        ),
        (
            "tracking",
            "Location tracking of dissidents is OFF by default and turned ON by the police without "
            "judicial review.",
        ),
        (
            "tracking",
            "El rastreo de ubicación de los manifestantes queda desactivado solo durante la auditoría.",
        ),
        (
            "tracking",
            "Le suivi de localisation des militants est désactivé pendant la visite de l'ONG, puis "
            "réactivé.",
        ),
        ("tracking", "追踪维权人士的位置已关闭，仅在检查期间。"),
        (
            "tracking",
            "Tracking of opposition leaders switched off? No - client insists it stays on.",
        ),
        (
            "interception",
            "Interception of all calls off-hours routed to the state security centre.",
        ),
        (
            "interception",
            "Interception of calls switched off at the legacy switch after migration to the new LI "
            "platform used by the police without warrant.",
        ),
        ("interception", "Запись звонков выключена только на время визита наблюдателей ОБСЕ."),
        ("tracking", "تتبع مواقع المعارضين معطل افتراضيا ويفعله جهاز الأمن عند الطلب."),
        (
            "tracking",
            "Le suivi de localisation des opposants est désactivé par défaut, activable par la "
            "police sans juge.",
        ),
        (
            "tracking",
            "El rastreo de ubicación de los opositores está desactivado por defecto, la policía lo "
            "activa sin orden judicial.",
        ),
        (
            "interception",
            "Intercepter les alertes SMS envoyées par le syndicat à ses adhérents pour la DGSI.",
        ),
        ("interception", "Interceptar las alertas por SMS del sindicato."),
        ("interception", "Перехват SMS-оповещений правозащитников."),
        ("interception", "اعتراض تنبيهات SMS للناشطين."),
        (
            "interception",
            "Inspección TLS de todo el tráfico de los ciudadanos con certificado obligatorio del "
            "gobierno para la policía.",
        ),
        (
            "tracking",
            "Llamar a los periodistas con caller ID falsificado para geolocalizarlos cuando "
            "contestan, para la policía.",
        ),
        (
            "security_services",
            "Extração de celulares perdidos ou apreendidos de ativistas presos, para a polícia "
            "federal.",
        ),
    ],
)
def test_what_the_new_context_leaves_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Marketing: campaign targets are activated the same day.",
        "iSCSI targets provisioned the same day by our field officers.",
        "Monitoring targets provisioned the same day in Zabbix.",
        "Objetivos de venta provisionados el mismo día por los agentes del canal.",
        "تفعيل الأهداف في نفس اليوم لحملة التسويق.",
        "Replicar cada mensaje de la cola Kafka en el clúster secundario.",
        "Inmates' medical records are not on any public register, access restricted by law.",
        "Juvenile detainees' names are not on any public register under the child-protection act.",
        "Déprioriser les réseaux sociaux sur le Wi-Fi invité de l'hôtel.",
        "Понижать приоритет соцсетей в гостевой сети Wi-Fi отеля.",
        "Sales targets are activated directly by the regional manager.",
        "Once the court issues the warrant, targets are provisioned the same day.",
        "The register of detainees is kept by the court and audited.",
        "A shelter app for survivors who don't want to be found by their abusers.",
        "Geolocation of the drivers disabled outside shifts.",
    ],
)
def test_ordinary_wordings_beside_the_new_phrases(text: str) -> None:
    assert not categories(text)
