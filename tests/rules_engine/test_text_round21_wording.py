"""Wording of new writing read in the seven languages: posts removed or blocked as harmful to
"national harmony" or "social stability" (the vague words of censorship rules); faces
matched on the photos of a march, rally or demonstration; a score of
each detainee's attitude or "transformation"; a "re-ed centre"; interception that skips the
court written "sin pasar por el juzgado", "sem passar pelo tribunal", "دون المرور عبر
المحكمة". Moderation of spam, an HR attitude survey and a fraud team's "stability" stay
ordinary, as do badge photos taken in March and a company's own gathering.

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
        ("censorship", "The filter must block articles that threaten social stability."),
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
        ("detention", "re-ed centre x2, 500 beds, cameras in each dormitory"),
        # faces matched on the photos of a march, rally or demonstration
        (
            "targets_dissent",
            "The customer wants facial recognition on the photos from the rally to find who "
            "was at the front.",
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
        ("targets_dissent", "对反改革游行的照片做人脸比对。"),
        # interception that skips the court
        ("interception", "Quieren activar los objetivos directamente, sin pasar por el juzgado."),
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
    ],
)
def test_ordinary_wording_stays_clean(text: str) -> None:
    assert categories(text) == set()
