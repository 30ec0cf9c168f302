"""A fixed set of records and the queries parents type, with the records that should come first.

The records read like the directory's, the library's and the news: an action's indexed text is
built as `directory/search_indexes.py` builds it (type, description, theme and public labels,
commune). The queries are typed as parents type them: no accents, typos, abbreviations, everyday
words, a commune, several words. `evaluate` gives the mean reciprocal rank and the recall at 10;
the test (`test_relevance.py`) and `benchmarks/search_relevance.py` share it.
"""

from dataclasses import dataclass

from directory.choices import ActionType, LieuKind, Public, Service
from hub.taxonomies import Theme
from search.api import SearchRequest, search

NORD = {
    "Lille",
    "Roubaix",
    "Tourcoing",
    "Douai",
    "Cambrai",
    "Dunkerque",
    "Valenciennes",
    "Sequedin",
    "Villeneuve-d'Ascq",
}


def action(title, kind, town, description, themes=(), publics=()):
    labels = [str(ActionType(kind).label), description]
    labels += [str(Theme(theme).label) for theme in themes]
    labels += [str(Public(public).label) for public in publics]
    return ("action", title, " ".join([*labels, town]), town)


def lieu(title, kind, town, description, services=()):
    labels = [str(LieuKind(kind).label), description]
    labels += [str(Service(service).label) for service in services]
    return ("lieu", title, " ".join([*labels, town]), town)


def item(type_key, title, text, town=""):
    return (type_key, title, text, town)


A = ActionType
T = Theme

RECORDS = {
    # Talking with other parents.
    "cafe-roubaix": action(
        "Café des parents du centre social Fraternité",
        A.CAFE_PARENTS,
        "Roubaix",
        "Un samedi matin par mois, autour d'un café, les parents échangent sur le quotidien avec "
        "leurs enfants, sans inscription.",
        [T.COMMUNICATION, T.VIE_QUOTIDIENNE],
    ),
    "cafe-lille": action(
        "Café des parents de Lille-Moulins",
        A.CAFE_PARENTS,
        "Lille",
        "Échanger entre parents sur les petits et grands tracas de la vie de famille, animé par "
        "une conseillère conjugale et familiale.",
        [T.EDUCATION_AUTORITE],
    ),
    "univ-pop-douai": action(
        "Université populaire de parents du Douaisis",
        A.UNIVERSITE_POPULAIRE,
        "Douai",
        "Des parents mènent ensemble une recherche sur la place des pères et des mères dans la "
        "scolarité, accompagnés par un universitaire.",
        [T.EDUCATION_AUTORITE],
    ),
    # Screens.
    "ecrans-ados": action(
        "Ados et écrans : trouver le bon équilibre",
        A.ATELIER_PARENTS,
        "Tourcoing",
        "Pour les parents de collégiens et de lycéens : temps d'écran, réseaux sociaux, jeux "
        "vidéo, comment poser un cadre sans conflit.",
        [T.ECRANS_NUMERIQUE, T.ADOLESCENCE],
    ),
    "ecrans-petits": action(
        "Les tout-petits et les écrans",
        A.CONFERENCE,
        "Lille",
        "Conférence sur l'exposition des enfants de moins de 3 ans à la télévision et aux "
        "tablettes, avec une puéricultrice de la PMI.",
        [T.ECRANS_NUMERIQUE, T.NAISSANCE],
    ),
    "jeux-video": action(
        "Jeux vidéo en famille",
        A.ATELIER_PARENTS_ENFANTS,
        "Douai",
        "Parents et adolescents jouent ensemble et parlent des jeux vidéo : âges conseillés, "
        "durée, achats dans les jeux.",
        [T.ECRANS_NUMERIQUE, T.LOISIRS],
    ),
    "guide-ecrans": item(
        "ressource",
        "Guide : les écrans à l'adolescence",
        "Un livret pour accompagner les usages numériques des adolescents : réseaux sociaux, "
        "jeux vidéo, téléphone la nuit.",
    ),
    # Separation.
    "mediation-lille": action(
        "Médiation familiale de l'UDAF du Nord",
        A.MEDIATION_FAMILIALE,
        "Lille",
        "Des entretiens avec un médiateur familial diplômé d'État pour les parents en conflit ou "
        "en cours de séparation : résidence des enfants, vacances, communication.",
        [T.SEPARATION, T.COMMUNICATION],
    ),
    "apres-separation": action(
        "Être parents après la séparation",
        A.GROUPE_PAROLE,
        "Roubaix",
        "Pour les parents séparés : coparentalité, garde alternée, comment parler de la "
        "séparation aux enfants.",
        [T.SEPARATION],
    ),
    "espace-rencontre": action(
        "Espace rencontre parents-enfants du Hainaut",
        A.ACCOMPAGNEMENT_INDIVIDUEL,
        "Valenciennes",
        "Un lieu neutre pour maintenir le lien entre l'enfant et le parent chez qui il ne vit "
        "pas : droits de visite et visites médiatisées décidés par le juge aux affaires "
        "familiales.",
        [T.SEPARATION],
    ),
    "fiche-coparentalite": item(
        "ressource",
        "Fiche : organiser la coparentalité",
        "Calendrier de garde, décisions communes, transmission des informations de l'école : "
        "repères pour les parents après une rupture.",
    ),
    "info-mediation": item(
        "news",
        "Médiation familiale : une séance d'information gratuite",
        "Le service de médiation familiale de Bordeaux présente son travail aux couples qui se "
        "séparent et aux grands-parents privés de lien avec leurs petits-enfants.",
        "Bordeaux",
    ),
    "recomposee": action(
        "Familles recomposées : trouver sa place",
        A.CONFERENCE,
        "Lille",
        "Beaux-parents, demi-frères et demi-sœurs : une soirée pour parler de la vie de famille "
        "quand chacun arrive avec son histoire.",
        [T.COMMUNICATION],
    ),
    # Parents in prison.
    "relais-sequedin": action(
        "Relais enfants-parents de la maison d'arrêt de Sequedin",
        A.PARENTS_INCARCERES,
        "Sequedin",
        "Accompagnement des enfants lors des visites au parloir et soutien des pères et mères "
        "détenus dans leur rôle de parent.",
        [T.COMMUNICATION],
    ),
    "lien-gradignan": action(
        "Garder le lien avec un parent en détention",
        A.PARENTS_INCARCERES,
        "Gradignan",
        "Une permanence pour les familles : préparer l'enfant à la première visite, écrire, "
        "téléphoner, parler de l'absence.",
        [T.COMMUNICATION],
    ),
    "relais-gironde": lieu(
        "Relais enfants-parents incarcérés de Gironde",
        LieuKind.RELAIS_INCARCERES,
        "Bordeaux",
        "Des bénévoles accompagnent les enfants au parloir et font le lien avec le parent "
        "incarcéré et la famille.",
    ),
    "journee-familles": item(
        "news",
        "Une journée des familles au centre pénitentiaire",
        "Pour la première fois, des enfants ont partagé un après-midi de jeux avec leur père "
        "détenu, préparé avec le relais enfants-parents.",
        "Lille",
    ),
    # Babies and sleep.
    "sommeil": action(
        "Le sommeil du jeune enfant",
        A.ATELIER_PARENTS,
        "Villeneuve-d'Ascq",
        "Réveils la nuit, endormissement difficile, rituels du coucher : comment aider bébé et "
        "le jeune enfant à bien dormir, avec une infirmière puéricultrice.",
        [T.VIE_QUOTIDIENNE, T.DEVELOPPEMENT_ENFANT],
    ),
    "maison-1000-jours": lieu(
        "Maison des 1000 premiers jours de Lille",
        LieuKind.MAISON_1000_JOURS,
        "Lille",
        "Accompagner les parents de la grossesse aux deux ans de l'enfant : allaitement, "
        "sommeil, retour à la maison.",
        [Service.ATELIERS, Service.PSYCHOLOGUE],
    ),
    "massage-bebe": action(
        "Massage et portage des bébés",
        A.ATELIER_PARENTS_ENFANTS,
        "Cambrai",
        "Pour les parents de nourrissons de 1 à 9 mois : massage, portage, échanges sur les "
        "premiers mois.",
        [T.NAISSANCE],
    ),
    "futurs-parents": action(
        "Préparer l'arrivée de l'enfant",
        A.GROUPE_PAROLE,
        "Dunkerque",
        "Des rencontres pendant la grossesse : fatigue, couple, organisation, congé parental.",
        [T.NAISSANCE],
        [Public.FUTURS_PARENTS],
    ),
    "laep-roubaix": action(
        "La Maison des P'tits Loups",
        A.LAEP,
        "Roubaix",
        "Pour les enfants de moins de 6 ans accompagnés d'un parent ou d'un grand-parent, "
        "anonyme et gratuit, sans inscription.",
        [T.NAISSANCE, T.DEVELOPPEMENT_ENFANT],
    ),
    "laep-bordeaux": action(
        "Le Petit Port",
        A.LAEP,
        "Bordeaux",
        "Un espace de jeu et de rencontre pour les enfants jusqu'à 4 ans et leurs parents, "
        "ouvert le mardi et le jeudi matin.",
        [T.DEVELOPPEMENT_ENFANT],
    ),
    "laep-dunkerque": action(
        "Les Petits Pas",
        A.LAEP,
        "Dunkerque",
        "Jouer, se poser, rencontrer d'autres parents : accueil libre des enfants de moins de "
        "4 ans et de leurs parents.",
        [T.DEVELOPPEMENT_ENFANT],
    ),
    "rpe-douai": action(
        "Relais petite enfance du Douaisis",
        A.AUTRE,
        "Douai",
        "Informations sur les modes d'accueil du jeune enfant et mise en relation avec les "
        "assistantes maternelles agréées ; temps collectifs d'éveil.",
        [T.VIE_QUOTIDIENNE],
    ),
    # Exhaustion and respite.
    "parents-epuises": action(
        "Parents épuisés, parlons-en",
        A.GROUPE_ENTRAIDE,
        "Lille",
        "Pour les parents à bout de souffle : reconnaître l'épuisement parental, trouver des "
        "relais et du répit.",
        [T.EPUISEMENT_REPIT],
    ),
    "halte-repit": action(
        "Halte répit du samedi",
        A.AUTRE,
        "Mérignac",
        "Accueil de l'enfant en situation de handicap le samedi pour offrir du répit aux "
        "parents aidants.",
        [T.HANDICAP, T.EPUISEMENT_REPIT],
    ),
    "signes-epuisement": item(
        "news",
        "Épuisement parental : les signes qui doivent alerter",
        "Irritabilité, sentiment de ne plus y arriver, distance avec les enfants : une "
        "psychologue explique quand demander de l'aide.",
    ),
    # Authority.
    "limites": action(
        "Poser des limites sans crier",
        A.ATELIER_PARENTS,
        "Tourcoing",
        "Refus, opposition, crises de l'enfant : un cycle de quatre ateliers sur l'autorité "
        "bienveillante et les règles à la maison.",
        [T.EDUCATION_AUTORITE],
    ),
    "emotions": action(
        "Comprendre les émotions de son enfant",
        A.CONFERENCE,
        "Pessac",
        "Une soirée d'échanges sur les émotions du jeune enfant, la frustration, les colères et "
        "la juste place de l'autorité.",
        [T.EDUCATION_AUTORITE, T.DEVELOPPEMENT_ENFANT],
    ),
    "allo-parents": action(
        "Allô parents",
        A.ECOUTE_DISTANCE,
        "Lille",
        "Une ligne anonyme et gratuite pour les parents qui traversent une période difficile "
        "avec leur enfant, du lundi au samedi.",
        [T.EDUCATION_AUTORITE, T.EPUISEMENT_REPIT],
    ),
    # School.
    "clas-douai": action(
        "Accompagnement à la scolarité du quartier Gayant",
        A.AUTRE,
        "Douai",
        "Aide méthodologique après la classe pour les élèves du CP à la 3e, et rencontres avec "
        "les parents pour suivre le travail à la maison.",
        [T.ECOLE_SCOLARITE],
    ),
    "parents-ecole": action(
        "Parents et école : mieux se comprendre",
        A.CAFE_PARENTS,
        "Bordeaux",
        "À la sortie des classes, parler des relations avec les enseignants, de l'orientation "
        "et des difficultés scolaires.",
        [T.ECOLE_SCOLARITE],
    ),
    "fiche-devoirs": item(
        "ressource",
        "Aider son enfant dans ses devoirs sans conflit",
        "Un lieu calme, un horaire régulier, des encouragements : dix repères pour le travail "
        "scolaire à la maison.",
    ),
    "harcelement": action(
        "Harcèlement scolaire : le repérer, en parler",
        A.CONFERENCE,
        "Roubaix",
        "Un ciné-débat avec une association de prévention sur le harcèlement et le "
        "cyberharcèlement entre élèves.",
        [T.ECOLE_SCOLARITE, T.ADOLESCENCE],
    ),
    "point-ecoute": lieu(
        "Point écoute jeunes et parents",
        LieuKind.POINT_ECOUTE,
        "Pessac",
        "Écoute gratuite et confidentielle des adolescents de 11 à 25 ans et de leurs parents : "
        "mal-être, conflits, décrochage scolaire.",
        [Service.PSYCHOLOGUE],
    ),
    # Disability.
    "enfant-different": action(
        "Parents d'un enfant différent",
        A.GROUPE_PAROLE,
        "Lille",
        "Pour les parents d'enfants en situation de handicap ou avec des troubles du "
        "neurodéveloppement (autisme, TDAH, troubles dys).",
        [T.HANDICAP],
    ),
    "parents-handicap": action(
        "Accompagner les parents en situation de handicap",
        A.ACCOMPAGNEMENT_INDIVIDUEL,
        "Talence",
        "Un accompagnement à domicile pour les parents ayant une déficience visuelle, auditive "
        "ou motrice, de la grossesse aux premières années.",
        [T.HANDICAP],
        [Public.HANDICAP],
    ),
    "aides-handicap": item(
        "ressource",
        "Les aides pour les familles d'un enfant handicapé",
        "MDPH, allocation d'éducation de l'enfant handicapé, aménagements à l'école : qui "
        "contacter et comment constituer le dossier.",
    ),
    # Family members.
    "peres": action(
        "L'atelier des pères",
        A.ATELIER_PARENTS_ENFANTS,
        "Bordeaux",
        "Un samedi par mois, les pères et leurs enfants partagent une activité : cuisine, "
        "bricolage, balade.",
        [T.COMMUNICATION, T.LOISIRS],
    ),
    "solos": action(
        "Parents solos, pas seuls",
        A.GROUPE_ENTRAIDE,
        "Valenciennes",
        "Entraide entre parents qui élèvent leurs enfants sans l'autre parent : garde, budget, "
        "temps pour soi.",
        [T.VIE_QUOTIDIENNE],
        [Public.MONOPARENTALES],
    ),
    "grands-parents": action(
        "Grands-parents aujourd'hui",
        A.GROUPE_PAROLE,
        "Lille",
        "Échanges sur la place des grands-parents auprès des petits-enfants et de leurs parents.",
        [T.COMMUNICATION],
        [Public.GRANDS_PARENTS],
    ),
    "deuil": action(
        "Traverser un deuil en famille",
        A.GROUPE_PAROLE,
        "Bordeaux",
        "Pour les parents et les enfants après le décès d'un proche, avec une psychologue.",
        [T.COMMUNICATION],
    ),
    "psy-cambrai": action(
        "Permanence d'une psychologue pour les familles",
        A.ACCOMPAGNEMENT_INDIVIDUEL,
        "Cambrai",
        "Des entretiens individuels et gratuits, sur rendez-vous, pour les parents inquiets pour "
        "leur enfant.",
        [T.SANTE, T.COMMUNICATION],
    ),
    # Leisure and food.
    "sorties-ete": action(
        "Sorties familiales de l'été",
        A.ATELIER_PARENTS_ENFANTS,
        "Dunkerque",
        "Plage, parc animalier, musée : des sorties en famille à petit prix pendant les "
        "vacances scolaires.",
        [T.LOISIRS],
    ),
    "cuisine": action(
        "Cuisiner avec ses enfants",
        A.ATELIER_PARENTS_ENFANTS,
        "Pessac",
        "Des recettes simples et équilibrées pour les repas en famille, petits et grands en "
        "cuisine.",
        [T.SANTE, T.VIE_QUOTIDIENNE],
    ),
    # Places.
    "maison-familles": lieu(
        "Maison des familles de Roubaix",
        LieuKind.MAISON_FAMILLES,
        "Roubaix",
        "Un lieu ressource ouvert à tous les parents : accueil, information, ateliers et "
        "groupes de parole.",
        [Service.LAEP, Service.GROUPES_PAROLE, Service.ATELIERS],
    ),
    "espace-parents": lieu(
        "Espace parents de Mérignac",
        LieuKind.ESPACE_PARENTS,
        "Mérignac",
        "Permanences d'une médiatrice familiale et d'une juriste : séparation, pension "
        "alimentaire, organisation de la garde.",
        [Service.MEDIATION, Service.JURIDIQUE],
    ),
    "centre-social": lieu(
        "Centre social Belencontre",
        LieuKind.CENTRE_SOCIAL,
        "Tourcoing",
        "Le référent famille propose des sorties, des ateliers parents-enfants et une aide aux "
        "démarches administratives.",
        [Service.ATELIERS],
    ),
    # Promeneurs du Net.
    "promeneuse": item(
        "promeneur",
        "Karima, Promeneuse du Net",
        "Promeneur du Net, animatrice jeunesse de la maison de quartier, présente sur TikTok et "
        "Instagram le mardi de 17 h à 19 h.",
        "Roubaix",
    ),
    "pdn-ete": item(
        "news",
        "Les Promeneurs du Net restent en ligne cet été",
        "Les animateurs du réseau répondent aux jeunes sur les réseaux sociaux pendant les "
        "vacances.",
    ),
    # Unrelated records a search must not bring first.
    "sport": item(
        "news",
        "Forum des associations sportives",
        "Inscriptions aux clubs de football, de judo et de natation pour la rentrée.",
        "Bordeaux",
    ),
    "fete-quartier": item(
        "evenement",
        "Fête de quartier de l'Alma",
        "Jeux, musique et repas partagé sur la place, ouvert à tous les habitants.",
        "Roubaix",
    ),
    "couture": action(
        "Atelier couture du centre social",
        A.AUTRE,
        "Lille",
        "Apprendre à coudre et à réparer ses vêtements, entre habitants du quartier.",
    ),
    "emploi": item(
        "news",
        "Permanence emploi et formation",
        "Un conseiller accompagne les habitants dans leur recherche d'emploi et de formation.",
        "Tourcoing",
    ),
    "conte": item(
        "evenement",
        "L'heure du conte à la médiathèque",
        "Des histoires lues aux enfants de 3 à 6 ans chaque mercredi après-midi.",
        "Bordeaux",
    ),
}

PRISON = ["relais-sequedin", "lien-gradignan", "relais-gironde", "journee-familles"]
LAEPS = ["laep-roubaix", "laep-bordeaux", "laep-dunkerque"]

# (query as typed, the records that should come first). Recall counts every one of them.
QUERIES = [
    # The three queries.
    ("écrans ado", ["ecrans-ados", "guide-ecrans", "jeux-video"]),
    ("divorce", ["mediation-lille", "apres-separation", "fiche-coparentalite"]),
    ("papa en prison", PRISON),
    # Everyday words.
    ("ecrans ados", ["ecrans-ados", "guide-ecrans", "jeux-video"]),
    ("ecran adolescent", ["ecrans-ados", "guide-ecrans", "jeux-video"]),
    ("jeux video", ["jeux-video", "ecrans-ados", "guide-ecrans"]),
    ("reseaux sociaux ado", ["ecrans-ados", "guide-ecrans"]),
    ("telephone portable ado", ["ecrans-ados", "guide-ecrans"]),
    ("tablette bebe", ["ecrans-petits"]),
    ("ecrans tout petits", ["ecrans-petits"]),
    ("divorcé", ["mediation-lille", "apres-separation", "fiche-coparentalite"]),
    ("separation", ["apres-separation", "mediation-lille"]),
    ("parents separes", ["apres-separation", "mediation-lille"]),
    ("garde alternee", ["apres-separation"]),
    ("droit de visite", ["espace-rencontre"]),
    ("visite mediatisee", ["espace-rencontre"]),
    ("coparentalite", ["apres-separation", "fiche-coparentalite"]),
    ("prison", PRISON),
    ("parloir", PRISON[:3]),
    ("pere detenu", PRISON),
    ("maman en prison", PRISON),
    ("mon mari est en prison", PRISON),
    ("incarceration", PRISON),
    ("bebe dort pas", ["sommeil", "maison-1000-jours"]),
    ("dormir", ["sommeil", "maison-1000-jours"]),
    ("sommeil enfant", ["sommeil"]),
    ("massage bebe", ["massage-bebe"]),
    ("nourrisson", ["massage-bebe"]),
    ("enceinte", ["futurs-parents", "maison-1000-jours"]),
    ("futur papa", ["futurs-parents"]),
    ("1000 premiers jours", ["maison-1000-jours"]),
    ("burn out parental", ["parents-epuises", "signes-epuisement"]),
    ("burnout", ["parents-epuises", "signes-epuisement"]),
    ("maman epuisee", ["parents-epuises", "signes-epuisement"]),
    ("besoin de repit", ["halte-repit", "parents-epuises"]),
    ("colere", ["emotions", "limites"]),
    ("crises enfant", ["limites", "emotions"]),
    ("poser des limites", ["limites"]),
    ("devoirs", ["clas-douai", "fiche-devoirs"]),
    ("aide aux devoirs", ["clas-douai", "fiche-devoirs"]),
    ("soutien scolaire", ["clas-douai"]),
    ("harcelement", ["harcelement"]),
    ("ado qui decroche", ["point-ecoute"]),
    ("handicap", ["enfant-different", "parents-handicap", "aides-handicap", "halte-repit"]),
    ("enfant handicape", ["enfant-different", "aides-handicap", "halte-repit"]),
    ("autisme", ["enfant-different"]),
    ("tdah", ["enfant-different"]),
    ("mdph", ["aides-handicap"]),
    ("papa", ["peres"]),
    ("atelier papa enfant", ["peres"]),
    ("maman solo", ["solos"]),
    ("parent seul", ["solos"]),
    ("famille monoparentale", ["solos"]),
    ("mamie", ["grands-parents"]),
    ("grands parents", ["grands-parents"]),
    ("belle mere", ["recomposee"]),
    ("famille recomposee", ["recomposee"]),
    ("deuil", ["deuil"]),
    ("deces", ["deuil"]),
    ("psy", ["psy-cambrai", "point-ecoute", "maison-1000-jours"]),
    ("nounou", ["rpe-douai"]),
    ("assistante maternelle", ["rpe-douai"]),
    ("sortie en famille", ["sorties-ete"]),
    ("vacances", ["sorties-ete"]),
    ("cuisine enfants", ["cuisine"]),
    ("ligne d'ecoute", ["allo-parents"]),
    ("telephoner a quelqu'un", ["allo-parents"]),
    # Acronyms and names of services.
    ("laep", [*LAEPS, "maison-familles"]),
    ("lieu accueil enfant parent", LAEPS),
    ("pmi", ["ecrans-petits"]),
    ("pdn", ["promeneuse", "pdn-ete"]),
    ("promeneur du net", ["promeneuse", "pdn-ete"]),
    ("rpe", ["rpe-douai"]),
    ("clas", ["clas-douai"]),
    ("universite populaire", ["univ-pop-douai"]),
    ("maison des familles", ["maison-familles"]),
    ("mediation familiale", ["mediation-lille", "info-mediation", "espace-parents"]),
    # Typos.
    ("mediation familliale", ["mediation-lille", "info-mediation", "espace-parents"]),
    ("caffe des parents", ["cafe-roubaix", "cafe-lille", "parents-ecole"]),
    ("harcelment", ["harcelement"]),
    ("psycologue", ["psy-cambrai"]),
    ("grossese", ["futurs-parents", "maison-1000-jours", "parents-handicap"]),
    ("separtion", ["apres-separation", "mediation-lille"]),
    ("coparentalitee", ["apres-separation", "fiche-coparentalite"]),
    # A commune, several words.
    ("laep roubaix", ["laep-roubaix", "maison-familles"]),
    ("cafe des parents roubaix", ["cafe-roubaix"]),
    ("cafe parents lille", ["cafe-lille"]),
    ("aide aux devoirs douai", ["clas-douai"]),
    ("psychologue cambrai", ["psy-cambrai"]),
    ("ecrans ado tourcoing", ["ecrans-ados"]),
    ("separation merignac", ["espace-parents"]),
    ("mediation bordeaux", ["info-mediation"]),
    ("centre social tourcoing", ["centre-social"]),
    ("relais petite enfance douai", ["rpe-douai"]),
    ("prison bordeaux", ["relais-gironde"]),
    ("massage bebe cambrai", ["massage-bebe"]),
]


def documents():
    """The records as the engine-neutral documents `SearchableType.document` builds."""
    for object_id, (key, (type_key, title, body, town)) in enumerate(RECORDS.items(), 1):
        departement = ("59" if town in NORD else "33") if town else ""
        yield {
            "type": type_key,
            "object_id": object_id,
            "title": title,
            "body": body,
            "url": f"/{key}/",
            "departement": departement,
            "date": None,
            "latitude": None,
            "longitude": None,
            "communes": [town] if town else [],
            "sort_key": title,
            "facets": {"type": [type_key], "departement": [departement] if departement else []},
        }


@dataclass
class QueryScore:
    text: str
    reciprocal_rank: float
    recall: float
    found: list[str]


def score(text, expected):
    """How `text` ranks the `expected` records, searched as the site search does."""
    request = SearchRequest(text=text, per_page=10, facets=False, snippets=False, approximate=True)
    hits = search(request).hits
    found = [hit.url.strip("/") for hit in hits]
    ranks = [found.index(key) + 1 for key in expected if key in found]
    return QueryScore(
        text=text,
        reciprocal_rank=1 / min(ranks) if ranks else 0.0,
        recall=len(ranks) / len(expected),
        found=found,
    )


def evaluate():
    """[QueryScore] of every query, in the order of `QUERIES`."""
    return [score(text, expected) for text, expected in QUERIES]


def index_fixture(engine, database):
    """Index the records in `engine`, and in the database for the "did you mean" vocabulary."""
    docs = list(documents())
    database.index_documents(docs)
    if engine is not database:
        engine.index_documents(docs)


def mean(values):
    values = list(values)
    return sum(values) / len(values)
