"""Wording of new writing read in the seven languages: any user's mailbox opened for a
ministry; everything crossing a cable copied to an agency; the trips of the passengers on
someone's list; anonymous critics unmasked by matching their voices; a diaspora's protests
and a strike committee; people sorted by surname or address, or by an inferred faith;
messages checked against banned words; a satirist geo-blocked; children not allowed home and
relatives who need permission to visit; filtration points; a federal security service;
mobile data capped around polling day; a face-recognition match that means a detention
order; numbers 'put under control' by the police themselves; cameras or DNA sampling only
where a minority lives. With the ordinary deals their words must leave alone, and the words
that read too much before: a rights group's own field monitors documenting police violence,
moderation under published community guidelines, footage deleted automatically after a set
time, miners located underground, hospital equipment located, a museum about a former secret
police, Arabic 'inside the premises' taken for the Interior.

Each dangerous sentence raised nothing of its category before these entries were added.
Sentences written for the purpose (not taken from the labelled texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "interception",
            "The ministry wants an admin login that can open any user's mailbox whenever it likes.",
        ),
        (
            "interception",
            "Le ministère veut pouvoir ouvrir la boîte de n'importe quel utilisateur.",
        ),
        (
            "interception",
            "El ministerio quiere poder abrir el buzón de cualquier usuario sin avisar.",
        ),
        (
            "interception",
            "O ministério quer poder abrir a caixa de qualquer usuário quando quiser.",
        ),
        ("interception", "تريد الوزارة أن تفتح صندوق بريد أي مستخدم متى شاءت."),
        ("interception", "Министерство хочет открыть ящик любого пользователя в любой момент."),
        ("interception", "主管部门要求能随时打开任意用户的邮箱。"),
        (
            "interception",
            "The agency gets a feed of everything passing through the two new cables.",
        ),
        ("interception", "L'agence reçoit une copie de tout ce qui transite par les deux câbles."),
        ("interception", "La agencia recibe todo lo que pasa por los dos cables nuevos."),
        ("interception", "A agência recebe tudo o que passa pelos dois cabos novos."),
        ("interception", "تحصل الوكالة على نسخة لكل ما يمر عبر الكابلين."),
        ("interception", "Ведомство получает весь проходящий трафик обоих кабелей."),
        (
            "tracking",
            "Give the security office a live feed of trips for any passenger on a list.",
        ),
        (
            "tracking",
            "Fournir au bureau de sécurité les courses de tout passager figurant sur une liste.",
        ),
        ("tracking", "Enviar a la oficina los viajes de cualquier pasajero de una lista."),
        ("tracking", "Mandar ao gabinete as corridas de qualquer passageiro de uma lista."),
        ("tracking", "إرسال رحلات أي راكب في قائمة المكتب."),
        ("tracking", "Передавать службе поездки любого пассажира из списка."),
        ("tracking", "把名单上任意乘客的行程推送给安保办。"),
        ("tracking", "Quieren que el sistema localice a los manifestantes."),
        (
            "targets_dissent",
            "Match voices against the recordings of anonymous callers to the phone-in.",
        ),
        ("targets_dissent", "Comparer les voix des auditeurs anonymes de l'émission."),
        ("targets_dissent", "Comparar voces de los oyentes anónimos del programa."),
        ("targets_dissent", "Comparar vozes dos ouvintes anônimos do programa."),
        ("targets_dissent", "用声纹比对查出匿名听众的身份。"),
        (
            "targets_dissent",
            "Nommer les personnes sur les photos des manifestations de la diaspora.",
        ),
        (
            "targets_dissent",
            "Quieren que la herramienta identifique a los miembros del comité de huelga.",
        ),
        (
            "targets_dissent",
            "Querem que o sistema identifique os presentes nos protestos da diáspora.",
        ),
        ("targets_dissent", "Вычислить админов чата стачечного комитета."),
        ("targets_dissent", "识别出使馆门前侨民抗议照片中的人。"),
        ("profiling", "Le score déclasse ceux dont l'adresse renvoie à des quartiers roms."),
        ("profiling", "El modelo deduce qué clientes son musulmanes."),
        ("profiling", "يستنتج النموذج أي العملاء مسلمون."),
        ("profiling", "تخفيض درجات من تشير ألقابهم إلى الغجر."),
        ("profiling", "给住址在罗姆人聚居区的应聘者降分。"),
        ("censorship", "Filtrer les messages selon une liste de mots interdits."),
        ("censorship", "فحص الرسائل مقابل قائمة كلمات محظورة."),
        ("censorship", "Geo-block the satirist's show for local listeners."),
        ("censorship", "Геоблокировать выпуски сатирика для слушателей в стране."),
        ("detention", "The children are not allowed home at weekends."),
        ("detention", "Relatives need the district's permission to visit."),
        ("detention", "Les enfants ne peuvent pas rentrer chez eux le week-end."),
        ("detention", "Los niños no pueden volver a casa los fines de semana."),
        ("detention", "As crianças não podem ir para casa nos fins de semana."),
        ("detention", "لا يسمح للأطفال بالعودة إلى بيوتهم."),
        ("detention", "Детей не отпускают домой на выходные."),
        ("detention", "孩子周末不准回家。"),
        ("detention", "路口设立过滤点。"),
        ("security_services", "从门禁证申请看，真正的使用方是联邦安全局。"),
        ("censorship", "The operator will cap mobile data on the eve of the elections."),
        ("censorship", "Connection held at 32 kbps in the capital until the results are out."),
        ("censorship", "L'opérateur limitera les données mobiles pendant le scrutin."),
        ("detention", "كل تطابق في الكاميرا يعني أمر احتجاز تلقائي."),
        ("interception", "Сотрудники МВД сами ставят объекты на контроль."),
        ("security_services", "الخوادم ستوضع في مقر المخابرات."),
        ("profiling", "Cameras only in the neighbourhoods where Uyghurs live."),
        ("profiling", "Des caméras seulement dans les quartiers où vivent des Kurdes."),
        ("profiling", "Cámaras solo en los barrios donde viven gitanos."),
        ("profiling", "Câmeras só nos bairros onde vivem ciganos."),
        ("profiling", "كاميرات فقط في الأحياء التي يسكنها الأكراد."),
        ("profiling", "Камеры только в кварталах где живут уйгуры."),
    ],
)
def test_round15_wording_is_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Optical splitters for the FTTH rollout in the new suburbs.",
        "Our IT admin can open any user's mailbox when an employee leaves, per company policy.",
        "Taxi company: trips for any passenger are billed to the corporate account.",
        "Ride-hailing app for a hotel chain: riders see their own trip history.",
        "Comedy festival wants ticketing and a livestream for the satirist's show.",
        "Boarding pupils go home at weekends; parents visit on Sundays.",
        "El museo de arte recibe todo lo que pasa por la aduana en cajas selladas.",
        "Hotel Wi-Fi capped at 512 kbps for guests on the free tier.",
        "The halal butcher only delivers in the districts where its Muslim customers live.",
    ],
)
def test_ordinary_deals_with_the_new_words_raise_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # a rights group's own monitors, documenting police violence
        "Human-rights group documenting police violence at protests: "
        "10 phones for its own field monitors.",
        "منظمة توثق عنف الشرطة في المظاهرات تشتري هواتف لمراقبيها الميدانيين.",
        # moderation under published rules that users can appeal
        "قسم التعليقات: أداة إشراف لإزالة الرسائل المزعجة وفق إرشادات المجتمع المنشورة.",
        "评论区审核工具按已公布的社区准则删除垃圾信息，用户可以申诉。",
        # footage deleted automatically after a set time
        "Vidéos des caméras-piétons : suppression automatique au bout de 30 jours sauf signalement.",
        # miners located underground for an evacuation
        "矿工定位：井下人员定位系统，撤离时知道井下有谁。",
        # the location of hospital equipment, and a museum about a former secret police
        "Больница: метки RTLS для определения местоположения инфузионных насосов.",
        "CRM: museo dedicado a la antigua policía secreta, instalado en su antigua sede.",
        # Arabic "inside the premises" (on-premises): "inside" shares its light stem with
        # "the Interior", which an act word for a headquarters took for a security body
        "اشتراك لمدة 3 سنوات، داخل المقر.",
    ],
)
def test_ordinary_deals_once_read_as_a_red_flag_raise_nothing(text: str) -> None:
    assert categories(text) == set()
