"""The default lexicon widened from the domain's vocabulary for four categories: the
euphemisms officials use for critics and the acts done to them (targets_dissent), the
groups of each region and the marks people are sorted by (profiling), blocking by
whitelist, geography and name, and "undesirable" content about elections (censorship),
and the names of internal security and intelligence bodies (security_services); with the
ordinary deals those words must leave alone (journalists and churches as customers,
minorities served, blocking phishing, security devices).

Sentences written for the purpose, in the seven languages (not taken from the labelled
texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        # targets_dissent: officials' names for critics, de-anonymising, files and networks
        (
            "targets_dissent",
            "Keep the troublemakers and foreign agents under surveillance ahead of the vote.",
        ),
        (
            "targets_dissent",
            "A dashboard that flags influencers with a negative attitude towards the government.",
        ),
        (
            "targets_dissent",
            "Identify the authors behind the posts of the so-called destabilising elements.",
        ),
        ("targets_dissent", "Name and shame the extremist bloggers on state television."),
        ("targets_dissent", "Lever l'anonymat des trublions qui publient sur le forum."),
        ("targets_dissent", "Dresser des listes des éléments subversifs de la faculté."),
        ("targets_dissent", "Quitar el anonimato a los alborotadores que publican en el foro."),
        ("targets_dissent", "Quebrar o anonimato dos desordeiros que publicam no fórum."),
        ("targets_dissent", "التنصت على عملاء الخارج ومنتقدي النظام."),
        ("targets_dissent", "نزع السرية عن حسابات العناصر الهدامة."),
        ("targets_dissent", "تفكيك شبكات الممولين من الخارج."),
        ("targets_dissent", "Составлять досье на пятую колонну и негативно настроенных граждан."),
        ("targets_dissent", "Вычислить авторов каналов и деструктивные силы за ними."),
        ("targets_dissent", "Взять на контроль неблагонадежных студентов."),
        ("targets_dissent", "开盒不安定分子，一人一档。"),
        # profiling: groups of each region, sorted out, cross-checked, marked
        ("profiling", "Screen out visitors wearing a niqab or a turban at the gate."),
        ("profiling", "Pick out the Tamils among the passengers."),
        ("profiling", "Root out the Ahwazi and Baluch staff of the refinery."),
        ("profiling", "Écarter les candidats maghrébins et subsahariens."),
        ("profiling", "Recouper le registre avec les témoins de Jéhovah."),
        ("profiling", "Descartar a los solicitantes de afiliación religiosa evangélica."),
        ("profiling", "Cotejar el padrón con los pueblos originarios de la zona."),
        (
            "profiling",
            "Cruzar os cadastros para identificar os quilombos e os praticantes de candomblé.",
        ),
        ("profiling", "Descartar candidatos com traços étnicos indígenas."),
        ("profiling", "استبعاد الموارنة والكلدان من القائمة."),
        ("profiling", "Сверять списки и отсеивать выходцев из Средней Азии."),
        ("profiling", "Отсеивать кандидатов неславянской внешности."),
        ("profiling", "Отмечены как свидетели Иеговы и пятидесятники."),
        ("profiling", "剔除信教人员。"),
        # censorship: whitelists, geoblocking, named broadcasters, "undesirable" content
        ("censorship", "Geoblock Wikipedia and the BBC during the vote."),
        (
            "censorship",
            "Whitelist only access: DNS blocking of everything else, including Deutsche Welle.",
        ),
        ("censorship", "Géoblocage de RFI et de Wikipédia pendant le scrutin."),
        ("censorship", "Purgar los medios alternativos durante la campaña."),
        ("censorship", "Geobloqueo de la Voz de América y de Wikipedia durante las elecciones."),
        ("censorship", "Geobloqueio da Voz da América e da Wikipédia durante as eleições."),
        ("censorship", "Remover conteúdo indesejável sobre as eleições."),
        ("censorship", "Режим белых списков для мобильного интернета в регионе."),
        ("censorship", "Геоблокировка Радио Свобода и Википедии."),
        ("censorship", "净化网络生态，清理选举相关信息。"),
        # security services: internal security and intelligence bodies by name
        ("security_services", "Demandé par la direction de la surveillance du territoire."),
        ("security_services", "Для УФСБ по области, поставка в мае."),
        ("security_services", "最终用户是国安大队。"),
        ("security_services", "لصالح الأفرع الأمنية في المحافظة."),
        ("security_services", "由网军使用。"),
        # the same in a sales rep's plain words: names, who they talk to, making posts disappear
        (
            "targets_dissent",
            "Get the names and addresses of the opposition sympathisers in the district.",
        ),
        ("targets_dissent", "Obtenir les noms des sympathisants et avec qui ils parlent."),
        ("targets_dissent", "Sacar los nombres de las voces críticas del barrio."),
        ("targets_dissent", "Levantar os nomes das vozes críticas do bairro."),
        ("targets_dissent", "الحصول على أسماء المتعاطفين مع المعارضة."),
        ("targets_dissent", "Получить имена сочувствующих и с кем они общаются."),
        ("targets_dissent", "查清是谁在运营反政府账号。"),
        ("censorship", "Make the posts criticising the mayor disappear so nobody can see them."),
        ("censorship", "Faire disparaître les publications critiques sur le maire."),
        ("censorship", "Hacer desaparecer las publicaciones críticas sobre el alcalde."),
        ("censorship", "Fazer sumir as publicações críticas sobre o prefeito."),
        ("censorship", "Чтобы никто не видел критические посты о губернаторе."),
    ],
)
def test_the_domain_vocabulary_reads_what_it_was_written_for(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # journalists, unions and independent media as customers
        "Independent media outlets want secure backups and encrypted mail for their journalists.",
        "The union buys a CRM to manage its members and their dues.",
        "The PR agency keeps a list of journalists to send press releases to.",
        "Un journal veut protéger les ordinateurs de ses journalistes indépendants contre les logiciels espions.",
        "Un periódico compra licencias de ofimática para sus periodistas de investigación.",
        "Um jornal compra notebooks para seus jornalistas investigativos, com antivírus.",
        "صحيفة مستقلة تشتري حواسيب محمولة لصحفييها مع برنامج مكافحة الفيروسات.",
        "Независимые журналисты покупают ноутбуки с антивирусом для редакции.",
        "独立媒体为记者采购笔记本电脑和杀毒软件。",
        "Analyse the network for attacks and map the networks of the branch offices.",
        # minorities served, places of worship as customers, ordinary sorting and speech
        "Subtitles and language support for Tamil speakers in the hospital's patient portal.",
        "Accessibility features for Indigenous peoples' schools, with interpreters.",
        "The church wants Wi-Fi for the congregation and a fire alarm system.",
        "Sort the customer list by surname and region.",
        "Count banknotes by denomination in the cash centre.",
        "Speech recognition that handles regional dialects for the call centre.",
        "La paroisse veut du Wi-Fi pour les fidèles et une alarme incendie.",
        "La iglesia compra Wi-Fi para los feligreses y cámaras para el estacionamiento.",
        "A igreja compra Wi-Fi para os fiéis e câmeras para o estacionamento.",
        "Церковь покупает Wi-Fi для прихожан и пожарную сигнализацию.",
        "语音识别支持各地方言，用于客服中心。",
        # blocking what attacks the customer, an office's own filter, content moderation
        "Block access to phishing sites and malware for the office network.",
        "Remove harmful content such as child abuse material and spam from the forum.",
        "The library filters spam; no restriction on political content.",
        "Turn off the signal boosters at night and slow the fans.",
        "Hide the press release until launch and disconnect the old server.",
        "Bloquer l'accès aux sites de phishing sur le réseau du bureau.",
        "Bloquear el acceso a sitios de phishing en la red de la oficina.",
        "Bloquear o acesso a sites de phishing na rede do escritório.",
        "حجب الوصول إلى مواقع التصيد والبرمجيات الخبيثة في شبكة المكتب.",
        "Ограничить доступ к фишинговым сайтам в сети офиса.",
        "限制访问钓鱼网站和恶意软件，用于办公网络。",
        "删除垃圾信息和色情内容，保护未成年人。",
        # words of the services' names in ordinary deals
        "Security devices for the bank branch, installed by our partner.",
        "Um aparelho de segurança para o banco, instalado pelo parceiro.",
        "Chief of staff of the data center E building wants new racks.",
        "Чек об оплате для клиента, поставка в мае.",
        "Куратор выставки заказал проекторы для музея.",
        "公司安全委员会采购消防设备。",
        # the plain words in ordinary deals
        "Find out who is responsible for the invoices and who they talk to at the bank.",
        "Make disappear the dust on the lens: a cleaning kit for the cameras.",
        "Un kit para hacer desaparecer las manchas del parabrisas.",
        "Sites estrangeiros de fornecedores: o cliente quer um proxy para acessar catálogos.",
        "إغلاق الحسابات القديمة للموظفين الذين غادروا الشركة.",
        "Закрыть аккаунты уволенных сотрудников в CRM.",
        "关闭离职员工的账号。",
        "Satellite channels for the hotel TV system, 120 rooms.",
        "Sympathy cards and a CRM for the charity's sympathisers and donors.",
    ],
)
def test_ordinary_deals_with_the_domain_words_raise_nothing(text: str) -> None:
    assert categories(text) == set()
