"""The default lexicon's category anchors: broad act-near-target entries that read schemes
described in words no single phrase was written for, and the benign context that keeps
ordinary uses of the same words quiet.

Sentences written for these tests (not taken from the labelled evaluation texts). Worked
cases against the default pack, no database.
"""

from __future__ import annotations

import pytest

from rules.engine import load_pack
from rules.textsignals.reader import read_one

LEXICON = load_pack().lexicon


def categories(text: str) -> set[str]:
    return {c for c, _lang, _q in read_one(text, LEXICON)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a shutdown for a region or timed to a date of protest
        (
            "Operator must be able to switch off mobile internet in three provinces on election day.",
            "censorship",
        ),
        (
            "L'opérateur doit pouvoir couper l'internet mobile dans trois provinces le jour du scrutin.",
            "censorship",
        ),
        ("运营商要能在选举当天切断三个省份的移动网络。", "censorship"),
        # exiles' channels and mirrors blocked from inside
        ("Filter the exiled journalists' mirror sites for domestic users.", "censorship"),
        ("Bloquear los espejos de los medios del exilio para los usuarios locales.", "censorship"),
        # taps that leave no trace in the operator's logs
        (
            "Wiretaps placed by the agency should leave no trace in the operator's logs.",
            "interception",
        ),
        (
            "Прослушка, которую ставит ведомство, не должна оставлять следов в журналах оператора.",
            "interception",
        ),
        # calls copied to a listening room
        (
            "Route all calls from the border region to the customer's listening room.",
            "interception",
        ),
        # a register of a faith's families
        (
            "Compile a roster of Ahmadi households in the province from utility records.",
            "profiling",
        ),
        (
            "Montar um cadastro das famílias ciganas do município a partir das contas de luz.",
            "profiling",
        ),
        ("从水电缴费数据中汇总一份维吾尔家庭名册。", "profiling"),
        # ethnicity inferred from names
        (
            "The model should deduce each caller's ethnic origin from the way they speak.",
            "profiling",
        ),
        # unions, strikes, petitions and the people behind them
        (
            "Keep tabs on the trade union's group chats and whoever is running the boycott.",
            "targets_dissent",
        ),
        (
            "Vigilar los chats del sindicato y a quienes organizan la huelga del puerto.",
            "targets_dissent",
        ),
        # secret detention, families not told
        ("Case files for people held at secret sites, without informing families.", "detention"),
        ("الوزارة تريد ملفات للأشخاص في مواقع احتجاز سرية دون إبلاغ الأسر.", "detention"),
        # pings and movement histories
        ("Send silent SMS to the phones of the strike organisers every five minutes.", "tracking"),
        ("Guardar o histórico de deslocamentos dos ativistas listados por seis meses.", "tracking"),
        # phones present at a protest
        ("List all phones that were near the square during the protest.", "tracking"),
        # intelligence organs named by their guard or their site
        ("Deliveries go to the republican guard's compound.", "security_services"),
        ("Оборудование поставят в разведуправление округа.", "security_services"),
        # apps and VPNs switched off for a region (a Latin name inside a Russian phrase)
        ("Нужно уметь отключать Telegram в южных областях во время протестов.", "censorship"),
        ("Block Signal and all VPNs nationwide before the anniversary.", "censorship"),
        # whom to bring in, decided by a score
        ("The scores tell the officers who to pick up for questioning.", "detention"),
        # listening at will
        ("The agency wants to tap these lines at any time it likes.", "interception"),
        # funders and spokespeople of protest committees
        ("Trace who funds the strike committees and who speaks for them.", "targets_dissent"),
        # covert trackers on people's cars
        ("Fit hidden GPS trackers to the cars of the opposition candidates.", "tracking"),
    ],
)
def test_a_scheme_described_in_general_words_raises_its_category(text: str, expected: str) -> None:
    assert expected in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # the security staff of a stadium, a shop or a bank is no security service
        "The security forces of the football stadium will get radios and body cameras.",
        "Les forces de sécurité du stade de football recevront des radios.",
        "Las fuerzas de seguridad del estadio de fútbol recibirán radios.",
        "As forças de segurança do estádio de futebol vão receber rádios.",
        "ستحصل قوات الأمن في ملعب كرة القدم على أجهزة لاسلكي.",
        "Силы безопасности футбольного стадиона получат рации.",
        "足球场的安保力量将配备对讲机。",
        "Служба безопасности банка проверяет подозрительные транзакции.",
        "银行的安全部门审查可疑交易。",
        # a French, Spanish or Portuguese newspaper, log or period is no journalist
        "Surveiller les journaux du serveur et l'audit des accès administrateurs.",
        "Monitorear el periodo de facturación del operador.",
        "Vigiar o jornal de eventos do servidor.",
        "Licences de logiciel de rédaction pour l'école de journalisme et son atelier d'enquête.",
        # Russian ordinary words near a reporter
        "Журналисты редакции получат доступ к архиву и связь с корреспондентами.",
        "Проверка списка журналистов, аккредитованных на пресс-конференцию губернатора.",
        "Адвокат компании проверяет договор с оператором связи.",
        # vaccines, maintenance, union dues, songs
        "Холодовая цепь: отслеживание температуры и местоположения партий вакцин.",
        "冷链监控：追踪疫苗批次的温度和位置。",
        "The operator will cut mobile data in the northern region during planned maintenance.",
        "工会会员名单用于从工资中扣除会费。",
        "The music app's catalogue includes protest songs from the sixties.",
        # company e-mail archiving, fleet trackers, alumni events, an ordinary witness
        "Copy each mailbox to a central archive for e-discovery, searchable by keyword.",
        "GPS trackers on the company's delivery vans, with routes drawn on a map.",
        "The university wants to identify participants in the alumni gatherings.",
        "Police will bring in witnesses for questioning after the robbery.",
        "Hotel wants to switch off WhatsApp on the reception PCs.",
        "A bank's compliance team records traders' calls as market-abuse rules require.",
    ],
)
def test_ordinary_uses_of_the_same_words_raise_nothing(text: str) -> None:
    assert categories(text) == set()
