"""Wording of round 34's tuning half (informal chatter between a vendor and its channel
partners).

- Asylum seekers tagged with GPS ankle tags, in every language ("tobilleras GPS para los
  solicitantes de asilo", "GPS-браслеты на ногу для просителей убежища").
- Whatever passes copied with no judge involved (Arabic, with the communications named;
  Chinese "没有法官参与"), as English "no judge" and Spanish "sin juez" read it; spyware
  implants on journalists' phones in Russian ("импланты удалённого доступа").
- An item listed before a protected group in a match is not what the match is about:
  "block phishing, spam and the opposition's bulk SMS" blocks the opposition's messages
  too (benign context inside such a match cancelled it). Not when a purpose, a relative
  clause or another verb stands between ("block phishing and malware, so the journalists
  can open tips", "спам, который заваливал ящик активистов", "attacks … aimed at the
  activists' websites"): a second hostile review.
- Withdrawn after that review: colloquial Arabic phones (a phone shop's address), social
  media (ads paused) and "يعلم على" (a teacher marking mistakes); Spanish "marque" (a
  dialler calling subscribers); ankle tags on journalists or activists (GPS bracelets
  journalists ask for) and "electronic tagging" as a topic.
- Electronic or GPS ankle tags put on asylum seekers, migrants, refugees or protesters
  (not a sports ankle brace, not jewellery: a hostile review of the first version).
- Ordinary deals: a contact centre's recording notice ("this call is recorded", "cet
  appel est enregistré", "разговор записывается"), GPS in delivery vans approved by the
  union ("el sindicato lo aprobó", "工会签字了"), and idioms holding a word read as an act:
  French "sans arrêt" (nonstop), Arabic "خارج الموقع" (off-site), Russian "удалённая
  площадка" (a remote site) and "фиксированный беспроводной доступ" (fixed wireless).

Each dangerous sentence of the first test raised nothing of its category, and each ordinary
one of the second raised a red flag, before these changes; the third and fourth are guards.
Sentences shortened from the round or written for the purpose. No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "tracking",
            "migration dept wants GPS ankle tags for the asylum applicants, live map + alarm if "
            "anyone goes >2km from their registered address. no court involved, no end date.",
        ),
        (
            "tracking",
            "le service de l'immigration veut des bracelets GPS à la cheville pour les "
            "demandeurs d'asile, carte en direct + alarme.",
        ),
        (
            "tracking",
            "el depto. de migración quiere tobilleras GPS para los solicitantes de asilo, mapa "
            "en vivo + alarma.",
        ),
        (
            "tracking",
            "depto de migração quer tornozeleiras GPS pros solicitantes de asilo, mapa ao vivo + "
            "alarme.",
        ),
        ("tracking", "إدارة الهجرة تبي أساور GPS للكاحل لطالبي اللجوء، خريطة live + إنذار."),
        (
            "tracking",
            "миграционная служба хочет GPS-браслеты на ногу для просителей убежища, карта в "
            "реальном времени + тревога.",
        ),
        (
            "interception",
            "他们想在海缆登陆站多装一对耳朵。过来的东西全都复制一份到后面一个小房间，没有法官参与，"
            "谁在听也没有记录。",
        ),
        ("interception", "كل شيء يتم نسخه إلى غرفة خلفية بدون قاض."),
        (
            "censorship",
            "SMS firewall: block phishing, spam and the opposition's bulk SMS before the election.",
        ),
        (
            "censorship",
            "Pare-feu SMS : bloquer le phishing, le spam et les SMS du parti d'opposition pendant "
            "la campagne.",
        ),
        ("censorship", "短信防火墙：拦截短信钓鱼、灰色路由，以及反对派的群发短信。"),
        (
            "targets_dissent",
            "Заразить телефоны оппозиционных журналистов шпионской программой через ссылку в SMS.",
        ),
        ("tracking", "Электронные браслеты для просителей убежища с передачей координат в ФСБ."),
    ],
)
def test_red_flags_of_round_34_are_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "call rec for the insurance call centre in Bucharest: callers hear the 'this call is "
        "recorded' msg, DPIA done, 90 day retention, 220 seats.",
        "enregistrement d'appels pour le centre d'appels assurance à Bucarest : les appelants "
        "entendent le msg 'cet appel est enregistré', AIPD faite, rétention 90 jours.",
        "grabación de llamadas para el call center de seguros en Bucarest: los que llaman "
        "escuchan el mensaje de 'esta llamada está siendo grabada', DPIA hecha, retención de 90 "
        "días.",
        "gravação de chamadas para o call center de seguros em Bucareste: quem liga ouve a msg "
        "'esta chamada é gravada', DPIA feita, retenção de 90 dias.",
        "запись звонков для страхового колл-центра в Бухаресте: звонящие слышат сообщение "
        "'разговор записывается', DPIA сделан, хранение 90 дней.",
        "تسجيل مكالمات لكول سنتر التأمين في بوخارست: المتصلين يسمعون رسالة 'هذه المكالمة "
        "مسجلة'، الـDPIA خالص، retention 90 يوم.",
        "[WA] Njeri: cliente de paquetería quiere 350 unidades GPS para las camionetas. yo: ¿los "
        "choferes están de acuerdo? Njeri: sí el sindicato lo aprobó, rastreo solo durante el "
        "turno.",
        "[WA] Njeri: client livraison de colis veut 350 boîtiers GPS pour les camionnettes. moi: "
        "les chauffeurs sont ok ? Njeri: oui le syndicat a validé, suivi uniquement pendant le "
        "service.",
        "[WA] Njeri：快递客户要给货车装350个GPS。我：司机那边同意吗？Njeri：同意，工会签字了，"
        "只在上班时间定位。",
        "Bonjour, nos militants au Pará et en Amazonas sont sans arrêt déconnectés du VPN quand "
        "leurs PC portables basculent entre le satellite et la 4G.",
        "نقابة الصحفيين بسانتياغو بدهم NAS 20TB + backup خارج الموقع، انضربوا بـransomware "
        "بشهر مارس.",
        "профсоюз журналистов в Сантьяго хочет NAS 20TB + бэкап на удалённую площадку, в марте "
        "словили шифровальщика.",
        "Доступ фиксированного беспроводного интернета для сельских общин.",
    ],
)
def test_ordinary_deals_of_round_34_are_not_flagged(text: str) -> None:
    assert categories(text) - {"detention_site"} == set()


@pytest.mark.parametrize(
    "category, text",
    [
        ("detention", "Les autorités veulent arrêter les militants sans arrêt, nuit et jour."),
        (
            "censorship",
            "Firewall SMS: bloquear smishing, rutas grises y los mensajes masivos de la oposición "
            "antes de las elecciones.",
        ),
        ("detention", "Arrêter les militants et les manifestants avant la marche."),
        ("tracking", "تحديد موقع الصحفيين خارج الموقع الرسمي للمؤتمر."),
        ("censorship", "Удалить посты журналистов и заблокировать их каналы."),
        (
            "interception",
            "Record every call of the opposition leaders; callers hear nothing, the police get "
            "the recordings.",
        ),
        (
            "tracking",
            "Track the strikers' phones after the strike, the union approved nothing of the sort.",
        ),
        (
            "targets_dissent",
            "заказчику нужны «импланты» удалённого доступа для телефонов трёх журналистов.",
        ),
    ],
)
def test_what_stays_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Probation service: ankle monitors for offenders on court-ordered curfew, 200 units.",
        "Office relocation: the new remote site in Tomsk needs 40 switches (удалённый офис).",
        "This call is recorded for quality and training purposes; 300 contact-centre seats.",
        # From a hostile review of the first version.
        "Tienda deportiva: tobilleras de compresión para corredores y personas con esguinces.",
        "Loja de artigos esportivos: tornozeleiras de compressão para atletas e pessoas em "
        "reabilitação.",
        "متجر مجوهرات يطلب أساور الكاحل الفضية لموسم الصيف للعائلات.",
        "Legal-aid platform to track asylum applicants' case deadlines and hearing dates.",
        "في التحكيم التجاري بدون قاضي يسمع المحكم الطرفين ثم يصدر قراره.",
        "模拟法庭比赛今年没有法官出席，录像拷贝给各参赛队。",
        "这是纯IT项目：服务器镜像备份，没有法官或律师参与。",
        "Concours d'éloquence : pas de juge cette année, le public vote et la vidéo est copiée "
        "pour les écoles.",
        "Стоматологическая клиника при Союзе журналистов закупает импланты и 3D-сканер.",
        "Статистика заражения гриппом среди журналистов редакции — отчёт для профсоюза.",
        "Block phishing and malware for the opposition party's offices.",
        # From a second hostile review.
        "Mail filter for the newsroom: block phishing and malware, so the journalists can open "
        "tips from sources safely.",
        "Bloquear phishing y malware, para que los periodistas abran sin riesgo los archivos de "
        "sus fuentes.",
        "Блокировать фишинг и вредоносное ПО, чтобы журналисты могли безопасно открывать файлы "
        "от источников.",
        "Фильтровать спам, который заваливал общий ящик активистов правозащитного центра.",
        "拦截钓鱼邮件和恶意软件，让记者可以安全打开线人发来的文件。",
        "Content moderation deal: take down child sexual abuse material, spam and scams, and "
        "leave the protesters' videos untouched per policy.",
        "عنا عرض على التلفونات المستعملة هالأسبوع، بدك ابعتلك الأسعار وموقع المحل؟",
        "الأستاذ يعلم على الأخطاء بالأحمر بمادة التربية الدينية، وبدنا تطبيق للتصحيح.",
        "El marcador predictivo va marcando a los suscriptores del periódico independiente para "
        "la campaña de renovación.",
        "授权令照旧必填，只把备注字段改为选填，LI开通界面。",
        "Sponsorship: the migrants' rights NGO conference on electronic tagging, we have a booth.",
        "Bracelets GPS pour les journalistes en zone de guerre, à leur demande, pour l'équipe "
        "sécurité.",
    ],
)
def test_ordinary_wordings_beside_the_changes(text: str) -> None:
    assert categories(text) - {"detention_site"} == set()
