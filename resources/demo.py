"""Demo library of a section: resources with real PDF and ODT files, tags and download counts."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from hub.demo import populator
from hub.sections import add_published_child
from hub.taxonomies import Theme as T

from .demo_files import odt_document, pdf_document
from .models import Audience as A
from .models import Licence as L
from .models import MonthlyDownloads, ResourceFile, ResourceIndexPage, ResourcePage
from .models import ResourceKind as K

P, PRO, PDN, COORD = A.PARENTS, A.PROFESSIONNELS, A.PROMENEURS, A.COORDINATEURS

# title, kind, themes, audiences, tags, summary, paragraphs of the file, file formats, link
RESOURCES = [
    (
        "Les écrans en famille : repères par âge",
        K.GUIDE, [T.ECRANS_NUMERIQUE, T.DEVELOPPEMENT_ENFANT], [P, PRO],
        ["écrans", "3-6-9-12", "numérique"],
        "Un guide pour poser des repères sur le temps d'écran de la naissance à l'adolescence, "
        "sans culpabiliser les parents.",
        [
            "Avant trois ans, l'enfant a surtout besoin d'interactions avec les adultes qui "
            "l'entourent : le temps d'écran avant trois ans est à éviter autant que possible.",
            "Entre trois et six ans, limitez les écrans et regardez les programmes avec lui pour "
            "en parler ensemble. Pas d'écran le matin ni pendant les repas.",
            "Après neuf ans, accompagnez les premiers usages d'internet et fixez des règles "
            "ensemble : où, quand, combien de temps.",
        ],
        ["pdf", "odt"], "",
    ),
    (
        "Fiche pratique : organiser un café des parents",
        K.FICHE, [T.COMMUNICATION, T.VIE_QUOTIDIENNE], [PRO, COORD],
        ["café des parents", "animation", "REAAP"],
        "Les étapes pour lancer un café des parents : lieu, horaires, animation, communication "
        "et évaluation.",
        [
            "Un café des parents est un temps convivial et gratuit où les parents échangent "
            "librement sur leurs questions éducatives, avec un animateur garant du cadre.",
            "Choisissez un lieu familier (école, centre social, médiathèque) et un horaire "
            "compatible avec le travail des parents, par exemple le samedi matin.",
            "Prévoyez une charte d'accueil : confidentialité, bienveillance, libre adhésion.",
        ],
        ["pdf", "odt"], "",
    ),
    (
        "Kit d'animation « Parler des émotions avec son enfant »",
        K.KIT, [T.COMMUNICATION, T.DEVELOPPEMENT_ENFANT], [PRO],
        ["émotions", "atelier parents-enfants", "animation"],
        "Cartes, déroulé et fiches d'activité pour animer un atelier parents-enfants autour des "
        "émotions.",
        [
            "Ce kit propose quatre séances d'une heure trente pour des enfants de quatre à huit "
            "ans accompagnés de leurs parents.",
            "La roue des émotions aide l'enfant à nommer la colère, la peur, la tristesse et la "
            "joie ; le parent apprend à accueillir l'émotion avant de poser une limite.",
            "Chaque séance se termine par un temps d'échange entre parents sans les enfants.",
        ],
        ["pdf"], "",
    ),
    (
        "Affiche de la semaine de la parentalité",
        K.AFFICHE, [T.LOISIRS], [P],
        ["semaine de la parentalité", "communication"],
        "L'affiche à imprimer et à personnaliser pour annoncer les actions de la semaine de la "
        "parentalité sur votre territoire.",
        [
            "Semaine de la parentalité : des conférences, des ateliers parents-enfants et des "
            "cafés des parents près de chez vous.",
            "Toutes les actions sont gratuites et ouvertes à tous les parents.",
        ],
        ["pdf"], "",
    ),
    (
        "Vidéo : devenir Promeneur du Net parentalité",
        K.VIDEO, [T.ECRANS_NUMERIQUE], [PRO, PDN],
        ["Promeneurs du Net", "présence éducative en ligne"],
        "Des Promeneurs du Net racontent leur présence éducative sur les réseaux sociaux auprès "
        "des parents.",
        [
            "Le Promeneur du Net parentalité est un professionnel qui répond aux parents sur les "
            "réseaux sociaux, avec l'accord de sa structure et selon la charte du réseau.",
            "La vidéo présente trois professionnels : une conseillère en économie sociale et "
            "familiale, un animateur de centre social et une éducatrice de jeunes enfants.",
        ],
        ["pdf"], "https://www.promeneursdunet.fr/",
    ),
    (
        "Podcast : la charge mentale des parents",
        K.PODCAST, [T.EPUISEMENT_REPIT, T.VIE_QUOTIDIENNE], [P],
        ["épuisement parental", "répit", "podcast"],
        "Trois épisodes de vingt minutes pour reconnaître l'épuisement parental et trouver du "
        "répit.",
        [
            "Épisode 1 : quand la fatigue devient épuisement parental, les signes qui doivent "
            "alerter.",
            "Épisode 2 : demander de l'aide sans se sentir coupable, les solutions de répit près "
            "de chez soi.",
            "Épisode 3 : partager les tâches dans le couple et avec l'entourage.",
        ],
        ["pdf"], "https://www.caf.fr/allocataires/vies-de-famille",
    ),
    (
        "Étude : les besoins des parents du département",
        K.ETUDE, [T.VIE_QUOTIDIENNE, T.EPUISEMENT_REPIT], [PRO, COORD],
        ["diagnostic", "enquête", "schéma départemental"],
        "Résultats de l'enquête menée auprès de 1 200 parents : préoccupations, attentes et "
        "connaissance de l'offre.",
        [
            "Six parents sur dix déclarent s'être sentis seuls face à une question éducative au "
            "cours de l'année écoulée.",
            "Les préoccupations les plus citées sont les écrans, la scolarité et la gestion des "
            "conflits entre frères et sœurs.",
            "Seul un parent sur trois connaît un lieu ressource parentalité près de chez lui.",
        ],
        ["pdf", "odt"], "",
    ),
    (
        "Support de formation : l'accueil des pères",
        K.FORMATION, [T.COMMUNICATION, T.NAISSANCE], [PRO],
        ["pères", "formation", "accueil des familles"],
        "Le diaporama et les exercices de la journée de formation sur la place des pères dans les "
        "actions de soutien à la parentalité.",
        [
            "Les pères restent peu présents dans les actions collectives : horaires, "
            "communication et représentations expliquent en partie cet écart.",
            "Exercice : relire l'affiche de votre action en vous demandant si un père s'y "
            "sentirait invité.",
        ],
        ["pdf", "odt"], "",
    ),
    (
        "Modèle de convention de partenariat pour une action REAAP",
        K.MODELE, [T.VIE_QUOTIDIENNE], [PRO, COORD],
        ["REAAP", "partenariat", "modèle"],
        "Un modèle de convention entre une structure porteuse et ses partenaires, à adapter.",
        [
            "Article 1 – Objet : la présente convention définit les modalités de coopération "
            "entre les parties pour la mise en œuvre de l'action de soutien à la parentalité.",
            "Article 2 – Engagements : chaque partie s'engage à respecter la charte nationale "
            "de soutien à la parentalité.",
            "Article 3 – Évaluation : un bilan annuel est transmis à la coordination "
            "départementale.",
        ],
        ["odt"], "",
    ),
    (
        "Fiche : préparer l'entrée à l'école maternelle",
        K.FICHE, [T.ECOLE_SCOLARITE, T.DEVELOPPEMENT_ENFANT], [P],
        ["rentrée", "école maternelle"],
        "Des conseils concrets pour préparer son enfant, et se préparer soi-même, à la première "
        "rentrée.",
        [
            "Visitez l'école avant la rentrée et parlez des nouveaux rythmes de la journée.",
            "Le doudou peut accompagner l'enfant les premiers jours : renseignez-vous auprès de "
            "l'enseignant.",
            "Les pleurs du matin sont fréquents et passent vite : un au revoir court et "
            "rassurant vaut mieux qu'un départ en cachette.",
        ],
        ["pdf"], "",
    ),
    (
        "Guide de la coparentalité après une séparation",
        K.GUIDE, [T.SEPARATION, T.COMMUNICATION], [P, PRO],
        ["séparation", "coparentalité", "médiation familiale"],
        "Comment continuer à être parents ensemble après la séparation du couple : organisation, "
        "communication, médiation familiale.",
        [
            "L'enfant a besoin de ses deux parents : évitez de le placer en messager ou en "
            "arbitre de vos désaccords.",
            "La médiation familiale aide à construire des accords sur la résidence, les "
            "vacances et les dépenses.",
            "Un espace de rencontre permet de maintenir le lien lorsque les relations sont "
            "difficiles.",
        ],
        ["pdf", "odt"], "",
    ),
    (
        "Les 1000 premiers jours : repères pour les jeunes parents",
        K.GUIDE, [T.NAISSANCE, T.SANTE, T.DEVELOPPEMENT_ENFANT], [P],
        ["1000 premiers jours", "naissance", "sommeil"],
        "De la grossesse aux deux ans de l'enfant : sommeil, alimentation, éveil et soutien aux "
        "jeunes parents.",
        [
            "Les mille premiers jours, de la grossesse aux deux ans de l'enfant, sont une "
            "période décisive pour sa santé et son développement.",
            "Le bébé dort sur le dos, dans une turbulette, sans tour de lit ni couverture.",
            "Les sages-femmes de PMI et les lieux d'accueil enfants-parents accompagnent "
            "gratuitement les jeunes parents.",
        ],
        ["pdf"], "https://www.1000-premiers-jours.fr/",
    ),
    (
        "Kit « Jeux de société en famille »",
        K.KIT, [T.LOISIRS, T.COMMUNICATION], [P, PRO],
        ["jeu", "atelier parents-enfants", "ludothèque"],
        "Une sélection de jeux coopératifs et le déroulé d'une soirée jeux parents-enfants en "
        "ludothèque.",
        [
            "Les jeux coopératifs apprennent à gagner ou perdre ensemble et apaisent les "
            "tensions entre frères et sœurs.",
            "Déroulé : accueil, présentation des jeux, parties libres, temps d'échange sur ce "
            "que le jeu révèle de l'enfant.",
        ],
        ["pdf", "odt"], "",
    ),
    (
        "Rapport d'activité du réseau parentalité",
        K.ETUDE, [T.VIE_QUOTIDIENNE], [COORD, PRO],
        ["bilan", "indicateurs", "REAAP"],
        "Le bilan annuel des actions financées : nombre de familles touchées, thèmes abordés, "
        "territoires couverts.",
        [
            "Cent quarante actions ont été soutenues cette année, dont quarante cafés des "
            "parents et vingt groupes de parole.",
            "Plus de trois mille familles ont participé à au moins une action.",
            "Les territoires ruraux restent moins couverts : un appel à projets ciblé est prévu.",
        ],
        ["pdf"], "",
    ),
    (
        "Fiche : l'adolescent et les réseaux sociaux",
        K.FICHE, [T.ADOLESCENCE, T.ECRANS_NUMERIQUE], [P, PDN],
        ["réseaux sociaux", "adolescence", "harcèlement"],
        "Comprendre les usages des adolescents sur les réseaux sociaux et savoir réagir en cas de "
        "cyberharcèlement.",
        [
            "Les réseaux sociaux sont pour l'adolescent un lieu de sociabilité : s'y intéresser "
            "sans juger ouvre le dialogue.",
            "En cas de cyberharcèlement, gardez les preuves et appelez le 3018, numéro national "
            "gratuit et anonyme.",
        ],
        ["pdf"], "",
    ),
    (
        "Handicap : se repérer dans les démarches",
        K.GUIDE, [T.HANDICAP, T.SANTE], [P, PRO],
        ["handicap", "MDPH", "droits"],
        "Les démarches auprès de la MDPH, l'AEEH et les lieux de répit pour les parents d'un "
        "enfant en situation de handicap.",
        [
            "La maison départementale des personnes handicapées instruit les demandes "
            "d'allocation d'éducation de l'enfant handicapé.",
            "Des solutions de répit existent pour souffler : accueil temporaire, garde à "
            "domicile, séjours adaptés.",
        ],
        ["pdf", "odt"], "",
    ),
    (
        "Support de formation : animer un groupe de parole de parents",
        K.FORMATION, [T.COMMUNICATION, T.EDUCATION_AUTORITE], [PRO],
        ["groupe de parole", "posture professionnelle", "formation"],
        "Posture de l'animateur, règles du groupe et situations délicates : le support de la "
        "formation départementale.",
        [
            "L'animateur ne donne pas de recette : il aide chaque parent à trouver ses propres "
            "réponses à partir de son expérience.",
            "Situations délicates : un parent monopolise la parole, un conflit éclate, une "
            "situation de danger est évoquée.",
        ],
        ["pdf", "odt"], "",
    ),
    (
        "Poser des limites sans crier",
        K.FICHE, [T.EDUCATION_AUTORITE, T.COMMUNICATION], [P],
        ["autorité bienveillante", "règles", "colère"],
        "Des pistes pour une autorité ferme et bienveillante au quotidien.",
        [
            "Une règle claire, expliquée et tenue dans la durée rassure l'enfant.",
            "Quand la colère monte, s'éloigner quelques minutes permet de revenir plus calme.",
            "Reconnaître l'émotion de l'enfant ne veut pas dire céder à sa demande.",
        ],
        ["pdf"], "",
    ),
    (
        "Modèle de questionnaire d'évaluation d'une action",
        K.MODELE, [T.VIE_QUOTIDIENNE], [PRO, COORD],
        ["évaluation", "modèle", "questionnaire"],
        "Un questionnaire court à remettre aux parents à la fin d'une action collective.",
        [
            "Question 1 : cette rencontre a-t-elle répondu à vos attentes ?",
            "Question 2 : qu'allez-vous essayer à la maison après cette rencontre ?",
            "Question 3 : quels thèmes souhaitez-vous aborder lors des prochaines rencontres ?",
        ],
        ["odt"], "",
    ),
    (
        "Flyer : le lieu d'accueil enfants-parents",
        K.AFFICHE, [T.NAISSANCE, T.DEVELOPPEMENT_ENFANT], [P],
        ["LAEP", "accueil enfants-parents"],
        "Le dépliant qui présente les lieux d'accueil enfants-parents : gratuits, anonymes, sans "
        "inscription.",
        [
            "Le lieu d'accueil enfants-parents accueille les enfants de moins de six ans "
            "accompagnés d'un adulte familier.",
            "On y vient librement, sans inscription, pour jouer, rencontrer d'autres parents et "
            "échanger avec des accueillants.",
        ],
        ["pdf"], "",
    ),
    (
        "Accompagner la scolarité sans conflit",
        K.GUIDE, [T.ECOLE_SCOLARITE, T.ADOLESCENCE], [P],
        ["devoirs", "collège", "relation école-famille"],
        "Devoirs, orientation, rencontres avec les enseignants : des repères pour accompagner la "
        "scolarité de la maternelle au lycée.",
        [
            "Un temps et un lieu réguliers pour les devoirs aident l'enfant à s'organiser.",
            "Au collège, intéressez-vous à ce qu'il apprend plutôt qu'à ses seules notes.",
            "Les contrats locaux d'accompagnement à la scolarité proposent une aide gratuite.",
        ],
        ["pdf", "odt"], "",
    ),
    (
        "Vidéo : le sommeil du tout-petit",
        K.VIDEO, [T.NAISSANCE, T.SANTE], [P],
        ["sommeil", "1000 premiers jours"],
        "Une puéricultrice de PMI répond aux questions des parents sur le sommeil des enfants de "
        "moins de trois ans.",
        [
            "Les réveils nocturnes sont normaux chez le nourrisson : ses cycles de sommeil sont "
            "courts.",
            "Un rituel du coucher régulier aide l'enfant à s'endormir seul.",
        ],
        ["pdf"], "https://www.mpedia.fr/",
    ),
]  # fmt: skip

COLOURS = [(29, 79, 145), (0, 105, 92), (140, 54, 110), (176, 74, 21)]


@populator
def populate(section, rng):
    """The library of a section: every demo resource, with files, tags and download counts."""
    index = section.get_children().type(ResourceIndexPage).first().specific
    author = section.coordination_name or str(section.coordination_group_name)
    today = timezone.localdate()
    licences = [L.CC_BY, L.CC_BY_SA, L.CC_BY_NC_SA, L.ETALAB, L.ALL_RIGHTS]
    for number, spec in enumerate(RESOURCES):
        title, kind, themes, audiences, tags, summary, paragraphs, formats, link = spec
        produced = rng.random() < 0.5
        page = ResourcePage(
            title=title,
            slug=slugify(title)[:80],
            summary=summary,
            kind=kind,
            themes=themes,
            audiences=audiences,
            external_url=link,
            licence=rng.choice(licences),
            author=author if produced else rng.choice(PARTNERS),
            produced_by_coordination=produced,
            publication_date=today - datetime.timedelta(days=rng.randint(0, 700)),
        )
        subtitle = f"{page.author} – {section.departement.nom}"
        colour = COLOURS[number % len(COLOURS)]
        page.files = [
            ResourceFile(
                sort_order=position,
                title=_file_title(file_format),
                file=_demo_file(file_format, title, subtitle, paragraphs, colour),
            )
            for position, file_format in enumerate(formats)
        ]
        page.tags.add(*tags)
        add_published_child(index, page)
        _add_download_counts(page, today, rng)


PARTNERS = [
    "École des parents et des éducateurs",
    "Union départementale des associations familiales",
    "Centre social Les Tilleuls",
    "Service de PMI du Département",
    "Fédération des centres sociaux",
]


def _file_title(file_format):
    return {"pdf": "Version à imprimer (PDF)", "odt": "Version modifiable (ODT)"}[file_format]


def _demo_file(file_format, title, subtitle, paragraphs, colour):
    name = f"{slugify(title)[:60]}.{file_format}"
    if file_format == "pdf":
        return ContentFile(pdf_document(title, subtitle, paragraphs, colour), name=name)
    return ContentFile(odt_document(title, subtitle, paragraphs), name=name)


def _add_download_counts(page, today, rng):
    months = []
    month = today.replace(day=1)
    for _i in range(6):
        months.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    MonthlyDownloads.objects.bulk_create(
        MonthlyDownloads(file=resource_file, month=month, count=rng.randint(0, 40))
        for resource_file in ResourceFile.objects.filter(page=page)
        for month in months
        if month >= page.publication_date.replace(day=1)
    )
