"""Wording of new writing read in the seven languages: posts removed or blocked as harmful to
"national harmony" or "social stability" (the vague words of censorship rules); faces
matched on the photos of a march or rally against something, or of a protest; a score of
each detainee's attitude or "transformation"; targets, lines or calls set up "sin pasar por
el juzgado", "sem passar pelo tribunal", "دون المرور عبر المحكمة". Moderation of spam, an HR
attitude survey and a fraud team's "stability" stay ordinary, as do badge photos taken in
March and a company's own gathering.

A review of the first version found it flagging ordinary deals: a programme or fund named
"Social Stability" or "National Harmony" whose records are deleted or filtered, a project's
social-stability risk assessment, an inmate's pain score or exam scores, a physiotherapy
"re-ed centre", arbitration and mediation that settle "without going through the court", a
product demonstration, an Arabic career ("مسيرة") and a theme park's parade. The entries
now need posts or comments removed, a score of attitude or transformation, targets or
lines beside the court skipped, and a march or rally against something (or a protest);
those deals are cases below.

Each dangerous sentence raised nothing of its category before these entries were added (the
Arabic entry's sentences were already read by the deletion of posts alone).
Sentences written for the purpose (not taken from the labelled texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        # posts removed or blocked as harmful to national harmony or social stability
        ("censorship", "Please remove all posts harmful to national harmony before the vote."),
        ("censorship", "Posts that undermine national harmony must be taken down within an hour."),
        ("censorship", "The filter must block articles that threaten social stability."),
        ("censorship", "危害社会稳定的言论一律删掉。"),
        ("censorship", "Supprimer les publications nuisibles à l'harmonie nationale."),
        ("censorship", "Eliminar las publicaciones que dañan la armonía nacional."),
        ("censorship", "Remover os posts prejudiciais à harmonia nacional em uma hora."),
        ("censorship", "Удалять посты, подрывающие общественное согласие."),
        ("censorship", "删除危害社会稳定的帖子。"),
        # a score of each detainee's attitude or transformation
        ("detention", "Dashboards show each detainee's attitude and a daily transformation score."),
        ("detention", "Un score de transformation quotidien pour chaque détenu."),
        ("detention", "Una puntuación diaria de actitud para cada detenido."),
        ("detention", "Pontuação diária de atitude para cada detido."),
        ("detention", "Each prisoner gets a daily attitude score."),
        # faces matched on the photos of a march, rally or demonstration
        (
            "targets_dissent",
            "The customer wants facial recognition on the photos from the rally against the "
            "reform to find who was at the front.",
        ),
        ("targets_dissent", "Face matching on the footage of the march against the reform."),
        (
            "targets_dissent",
            "Reconnaissance faciale sur les photos de la marche contre la réforme.",
        ),
        (
            "targets_dissent",
            "Cotejo facial en las fotos de la marcha del sábado contra la reforma.",
        ),
        ("targets_dissent", "Reconhecimento facial nas fotos da marcha contra a reforma."),
        ("targets_dissent", "Распознавание лиц на фото с марша против реформы."),
        ("targets_dissent", "التعرف على الوجوه في صور المسيرة ضد الإصلاح."),
        ("targets_dissent", "对示威现场的照片做人脸比对。"),
        ("targets_dissent", "Распознавание лиц на фото участников акции протеста."),
        # interception that skips the court
        ("interception", "Quieren activar los objetivos directamente, sin pasar por el juzgado."),
        ("interception", "Sin que intervenga el juzgado, el operador activa las escuchas."),
        ("interception", "Os alvos urgentes são ativados sem passar pelo tribunal."),
        ("interception", "تفعيل الأهداف العاجلة مباشرة، دون المرور عبر المحكمة."),
    ],
)
def test_new_wording_is_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Content moderation: remove spam and malware links; we care about social harmony in "
        "our community forum.",
        "Block card fraud to protect the stability of the payment system.",
        "Our HR app scores each employee's attitude survey every quarter.",
        "Modération : supprimer les spams ; l'harmonie de la communauté compte pour nous.",
        "删除垃圾广告帖子，维护论坛秩序。",
        "Удалять спам и фишинговые ссылки с форума.",
        "Face recognition rollout in March for the badge photos of new employees.",
        "Facial recognition demo at the product rally; visitors' photos are deleted after it.",
        "人脸识别门禁：员工照片录入，周五公司集会。",
        # what a review of the first version found it flagging
        "Remove the old banners from the National Harmony Week landing page.",
        "Filter the survey responses by region for the Social Harmony Index report.",
        "Delete duplicate beneficiary rows before the Social Stability Fund's payout run.",
        "屏蔽垃圾广告，社区论坛倡导社会和谐。",
        "过滤噪声数据后，生成项目社会稳定风险评估报告。",
        "The infirmary system records each inmate's pain score for the nurse.",
        "Neuromuscular re-ed centre for the sports clinic.",
        "Le module transmet les scores aux examens des détenus au rectorat.",
        "Realizamos un estudio detenido de la puntuación de riesgo crediticio.",
        "Cláusula de arbitragem: as disputas são resolvidas sem passar pelo tribunal.",
        "Mediación familiar en línea: acuerdos sin pasar por el juzgado.",
        "بند التحكيم: تُحل النزاعات دون المرور عبر المحكمة.",
        "We will show face matching on sample photos during the product demonstration.",
        "Демонстрация системы распознавания лиц на тестовых фото для банка.",
        "صور الموظفين وملف المسيرة المهنية مع التعرف على الوجوه.",
        "乐园花车游行视频中，人脸识别帮助游客找到自己的照片。",
    ],
)
def test_ordinary_wording_stays_clean(text: str) -> None:
    assert categories(text) == set()
