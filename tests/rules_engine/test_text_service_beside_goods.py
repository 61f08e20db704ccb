"""A security or intelligence service named plainly stays a red flag whatever the goods
beside it are: the goods' own words (cargo, pallets, a warehouse, vulnerabilities, phishing
training, a press room, web analytics) say what is bought, not who buys it
(``textsignals.plain_services``, ``benign_scope.bears_on``). Beside a named service, only
context telling what the service is there for still clears it: the subject of a film, an
exhibition or an archive, a fire and rescue service, a financial intelligence unit's
suspicious transactions, devices protected against spies, a judge's warrant; inside the
match, context still gives its words another meaning ("threat intelligence"). A word also
naming a company's or a venue's own unit ("служба безопасности склада", "动物园安全部门") is
no plain name: the warehouse or the zoo beside it still says whose unit it is.

And a Spanish or French electoral body ("Organismo Electoral", "Organisme électoral") buying
a security gateway is no security organ: "órganos"/"organes de sécurité" are read by their
beginning, no longer by the stem they share with "organismo"/"organisme".

Every sentence of the first test raised no security service before this change (four from
the tuning half, rounds 8, 17 and 18, four more written for it, the rest a hostile review of
220 sentences, which read 32 better and none worse), and the French electoral body read as
one; the other guards raised nothing before and after, but for the security printing works
and the Chinese business intelligence agency, read as services by the first version of the
change and cleared since by their own ordinary entries. No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        "ميدان تدريب سيبراني ومختبر لتطوير الثغرات للمديرية الفنية في لجنة أمن الدولة. يطلب الشريك إصدار الفاتورة عبر جامعة حكومية كي لا يظهر اسم اللجنة في العقد ولا في وثائق التصدير.",
        "为国家安全委员会技术局建设网络靶场和漏洞利用开发实验室。合作伙伴要求通过一所公立大学开票，以免委员会的名称出现在合同和出口文件上。",
        "Покупатель по документам: Al-Noor Trading LLC. Фактически груз идёт в штаб-квартиру мухабарата; акт приёмки подписал их технический офицер. 12 защищённых ноутбуков + ПО для криминалистического снятия образов дисков.",
        "Drones y sensores térmicos pedidos por una «empresa de logística» de la zona franca. El contacto del socio resulta ser de la unidad de contrainteligencia de la guardia presidencial y quiere que nuestros ingenieros lo instalen en su recinto. Pago desde un tercer país.",
        "Vulnerability exploitation lab for the State Security Committee.",
        "Pallets of laptops delivered to the warehouse of the State Security Service.",
        "Груз идёт в штаб-квартиру ФСБ.",
        "货物运往国家安全部总部。",
        "Deal for 40 pallets of rack servers; consignee is the FSB logistics warehouse in Moscow, shipping by truck via Minsk.",
        "Livraison de 12 palettes de serveurs ; destinataire : entrepôt de la DGSI à Levallois-Perret.",
        "Laboratoire d'analyse de vulnérabilités pour la DGSE : licences de fuzzing et postes durcis.",
        "Sandbox anti-malware pour l'Agence nationale de renseignements (ANR) de la RDC, livraison par camion depuis Matadi.",
        "Écran géant pour la salle de conférence de presse de la DGSE, même intégrateur que pour le Stade de France.",
        "Licences antivirus et coffres anti-vol pour le Service national de renseignement (SNR) du Burundi.",
        "Le ministère de la Sécurité de l'État chinois commande des scanners d'inventaire pour son entrepôt.",
        "Laboratorio de vulnerabilidades y exploits para la Dirección de Inteligencia (DI) de Cuba.",
        "Sandbox de malware para el Centro Nacional de Inteligencia de México (antes CISEN).",
        "Protección contra ransomware para la Dirección Nacional de Inteligencia (DNI) de Colombia.",
        "Sistema de detección de intrusos para la Agencia Federal de Inteligencia (AFI) de Argentina.",
        "Proteção contra ransomware para o FSB russo, pedido via distribuidor em Moscou.",
        "Sensores de detecção de intrusão para o Ministério da Segurança do Estado da China.",
        "Software de contact center para o Serviço de Inteligência Externa (SIE) de Angola.",
        "Telão para a sala de coletiva de imprensa da ABIN; mesmo integrador do estádio do Maracanã.",
        "مختبر لأبحاث الثغرات الأمنية لصالح جهاز أمن الدولة في الإمارات.",
        "بيئة معزولة لتحليل البرمجيات الخبيثة، والمستخدم النهائي شعبة المخابرات العسكرية السورية.",
        "تدريب على التصيد الاحتيالي لموظفي جهاز المخابرات الوطني العراقي.",
        "تحليلات الويب لبوابة رئاسة أمن الدولة في السعودية.",
        "شاشات لقاعة المؤتمرات الصحفية في دائرة المخابرات العامة، نفس المقاول الذي جهّز الملعب الدولي.",
        "طرود تحتوي على مبدلات شبكة تُسلَّم إلى جهاز الأمن الفيدرالي الروسي (FSB).",
        "أقفال مضادة للسرقة وحواسيب لوزارة أمن الدولة الصينية.",
        "Поставка 30 паллет серверов, грузополучатель — склад ФСБ России в Москве.",
        "Фуры с грузом идут прямо в здание КГБ Республики Беларусь.",
        "Лаборатория поиска уязвимостей для ГКНБ Кыргызстана.",
        "Обучение сотрудников противодействию фишингу для КНБ Казахстана.",
        "Система обнаружения вторжений для Службы государственной безопасности Узбекистана (СГБ).",
        "Видеостена для пресс-центра ФСБ, монтаж делает та же компания, что и на стадионе «Лужники».",
        "Сканеры для инвентаризации склада Министерства государственной безопасности КНР.",
        "发货20托盘服务器，收货人：国家安全部北京仓库。",
        "货车将货物直接送到上海市国家安全局办公楼。",
        "为国家安全部建设漏洞研究实验室，包括模糊测试许可证。",
    ],
)
def test_a_service_named_plainly_beside_the_goods_is_read(text: str) -> None:
    assert "security_services" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Reg. de oportunidad: Organismo Electoral – gateway de seguridad de correo, 900 buzones | interceptar phishing + malware antes de la entrega, sandbox de adjuntos, DMARC | solo correo de su propio personal | renovación + ampliación.",
        "Registre : Organisme électoral – passerelle de sécurité de messagerie, 900 boîtes.",
        "Registro: Organismo Eleitoral – gateway de segurança de e-mail, 900 caixas.",
        "Museum of the former secret police: audio guides and ticketing.",
        "Bomberos y rescate del Ministerio del Interior: drones térmicos para buscar personas perdidas.",
        "Служба безопасности склада получит 20 раций для водителей и курьеров.",
        "动物园安全部门采购GPS项圈追踪动物。",
        "Retirada da carga no terminal de cargas do GRU Airport, em Guarulhos.",
        "Intelligent video analytics service for the retail chain.",
        "Data room for the intelligence bureau of the retail chain.",
        "The state security printing works orders 10 pallets of paper and a warehouse scanner.",
        "商业情报机构为物流公司提供卡车车队分析。",
        "Competitive intelligence service for the logistics company: dashboards on the truck fleet.",
        "Служба безопасности торгового центра закупает рации и камеры для склада.",
    ],
)
def test_ordinary_deals_beside_the_change_stay_clean(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Los órganos de seguridad del régimen compran 20 portátiles.",
        "El órgano de seguridad pide 20 portátiles.",
        "Les organes de sécurité de l'État commandent 20 portables.",
        "L'organe de sécurité demande des portables.",
    ],
)
def test_security_organs_are_still_read_by_their_beginning(text: str) -> None:
    assert "security_services" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # Services the hostile review named that the lists lacked (none read before).
        "Câmaras para o SIED em Lisboa.",
        "Paletes de portáteis entregues no armazém do SIED.",
        "为国家保卫省提供手机。",
        "交付给国家保卫省的服务器。",
        "Ordinateurs portables livrés à la DGED à Rabat.",
        "Licences pour la Direction générale des études et de la documentation.",
    ],
)
def test_services_the_lists_lacked_are_read(text: str) -> None:
    assert "security_services" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Comme il sied à un grand compte, 40 portables livrés à Rabat.",
        "Il sied de rappeler que le réseau du siège sera renouvelé.",
        "Servidores para o serviço de informações turísticas da câmara municipal.",
    ],
)
def test_words_those_names_share_stay_ordinary(text: str) -> None:
    assert categories(text) == set()
