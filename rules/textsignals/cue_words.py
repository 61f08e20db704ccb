"""Words that may weigh in a learned cue's score but are never one of its two cue words.

A learned cue quotes the text between two cue words, and the two are what a reviewer
weighs. Words every text holds (articles, prepositions, pronouns: ``split_words``'s
FUNCTION_WORDS) and the words of the deal form and of the trade itself (end user,
customer, buyer, reseller, office, department; procurement, a tender, an invoice, shipping,
"through" a channel) are no evidence of anything: the labelled
descriptions name "the end user" mostly when it is a security service, so the fitted
weights count it for one, and "The end user is its IT department" was flagged as a
security service in six languages, quoting "end user". Such words still add to a
sentence's score; they cannot make a cue on their own.
"""

from __future__ import annotations

from functools import lru_cache

from .short_words import FUNCTION_WORDS

FORM_WORDS = {
    "en": """end user users customer customers client clients buyer buyers purchaser vendor
        seller reseller resellers distributor partner partners office department company
        firm via through who which will would shall can must procurement tender invoice
        invoiced invoicing ship shipped shipping""",
    "fr": """utilisateur utilisateurs final finale finaux client clients acheteur acheteurs
        revendeur distributeur partenaire partenaires bureau bureaux service société
        entreprise via qui dont facture facturation livraison expédition""",
    "es": """usuario usuarios final finales cliente clientes comprador compradores revendedor
        distribuidor socio socios oficina departamento empresa vía via quien quienes
        factura facturación envío licitación""",
    "pt": """usuário usuários utilizador utilizadores final finais cliente clientes
        comprador compradores revendedor distribuidor parceiro parceiros escritório
        departamento empresa via quem fatura faturamento envio licitação""",
    "ru": """конечный конечного конечным пользователь пользователя пользователи клиент
        клиента клиенты покупатель заказчик заказчика дистрибьютор партнёр партнер отдел
        офис компания компании через который которая которые счёт
        накладная доставка тендер закупка""",
    "ar": """المستخدم المستخدمين النهائي العميل العملاء المشتري الموزع الشريك المكتب القسم
        الشركة عبر فاتورة الفاتورة شحن الشحن مناقصة المناقصة""",
    "zh": "最终用户 用户 客户 买方 采购方 经销商 分销商 合作伙伴 办公室 部门 公司 通过 发票 招标 发货 采购",
}


@lru_cache(maxsize=16)
def not_cue_units(language: str, unit) -> frozenset[str]:
    """The units (``learned_cues.unit``; Chinese: each pair of adjacent characters) of the
    words that are never cue words in ``language``."""
    words = FORM_WORDS.get(language, "").split()
    if language == "zh":
        return frozenset(w[i : i + 2] for w in words for i in range(len(w) - 1))
    return frozenset(unit(w, language) for w in [*words, *FUNCTION_WORDS])
