"""The parents' vocabulary: the words parents type, and the words of the records they mean.

Built from the client's domain documents (/work/shared/domain: Fnp volets, lieux ressources,
relais enfants-parents incarcérés, espaces de rencontre, 1000 premiers jours…) and from the
directory's own vocabulary (action types, themes, publics). "a, b => c, d": the everyday words on
the left also find the domain words on the right; a line without "=>" is a set of equivalents.
Everything stays editable in the admin ("Synonymes de recherche").
"""

from django.db import migrations

OLD_ADOS = "ados, adolescents"
OLD_CLAS = "CLAS, contrat local d'accompagnement à la scolarité"
# The records name the action, not the contract that funds it.
NEW_CLAS = f"{OLD_CLAS} => accompagnement à la scolarité"

PARENTS_VOCABULARY = [
    # Ages and stages (themes "Adolescence", "Naissance et 1000 premiers jours").
    "ado, ados, adolescent, adolescents, adolescence, préado, préados",
    "bébé, bébés, nourrisson, nourrissons, tout-petit, tout-petits"
    " => naissance, 1000 premiers jours, petite enfance, 0-3 ans",
    "naissance, 1000 premiers jours, mille premiers jours, périnatalité",
    "enceinte, grossesse, accouchement, post-partum, baby blues"
    " => futurs parents, périnatalité, naissance, 1000 premiers jours",
    "gamin, gamins, gosse, gosses, môme, mômes => enfant",
    # Separation (theme "Séparation", type "Médiation familiale", espaces de rencontre).
    "divorce, divorcé, divorcée, divorcer, séparé, séparés, séparée, rupture"
    " => séparation, coparentalité, médiation familiale, parents séparés",
    "séparation, coparentalité",
    "garde alternée, résidence alternée",
    "droit de visite, visite médiatisée, visites médiatisées, espace de rencontre",
    "dispute, disputes, conflit, conflits => communication parents-enfants, médiation familiale",
    # Parents in prison (type "Soutien aux parents incarcérés", relais enfants-parents).
    "prison, prisons, détenu, détenus, détenue, parloir, parloirs, incarcéré, incarcérés,"
    " incarcération, parent incarcéré, parents incarcérés, détention, milieu carcéral",
    # Family members (publics "Grands-parents", "Familles monoparentales").
    "papa, papas, père, pères => paternité, parent, parental, parentalité",
    "maman, mamans, mère, mères => maternité, parent, parental, parentalité",
    "mamie, mamy, papi, papy, grand-mère, grand-père, grands-mères, grands-pères"
    " => grands-parents",
    "maman solo, papa solo, parent solo, mère seule, père seul, parent seul, parents seuls, solo"
    " => famille monoparentale, familles monoparentales, monoparentalité",
    "beau-père, belle-mère, beaux-parents, famille recomposée, familles recomposées",
    # Everyday life (themes "Vie quotidienne", "Écrans et numérique", "Éducation et autorité").
    "dort, dormir, dodo, endormissement, réveils, nuits => sommeil",
    "écran, écrans, tablette, smartphone, téléphone portable, console, tiktok, instagram,"
    " snapchat => numérique, jeux vidéo, réseaux sociaux",
    "numérique, écrans",
    "jeux vidéo, jeu vidéo, gaming => écrans, numérique",
    "crise, crises, colère, colères, caprice, caprices, désobéissance, opposition, fessée"
    " => autorité, limites, règles",
    "harcèlement, harcelé, harcelée, cyberharcèlement, harcèlement scolaire",
    "manger, repas => alimentation",
    # School (theme "École et scolarité", CLAS).
    "devoirs, leçons, aide aux devoirs, soutien scolaire"
    " => accompagnement à la scolarité, scolarité, école",
    "décroche, décrocher, décrochage, décrochage scolaire, échec scolaire, phobie scolaire"
    " => scolarité, école",
    "école, scolarité",
    # Exhaustion and respite (theme "Épuisement parental et répit").
    "burn-out, burnout, épuisé, épuisée, épuisés, fatigue, fatigué, fatiguée, craquer"
    " => épuisement parental, répit, épuisement",
    "répit, épuisement parental",
    # Disability (theme "Handicap", public "Parents en situation de handicap").
    "handicap, handicapé, handicapée, handicapés => situation de handicap, enfant différent",
    "autisme, autiste, TSA, TDAH, dys => handicap, situation de handicap, enfant différent",
    "MDPH, maison départementale des personnes handicapées",
    # Ways of being supported (action types).
    "parler, discuter, échanger, confier => parole, échanges, écoute",
    "téléphone, téléphoner, appeler, ligne d'écoute => écoute téléphonique, à distance",
    "psy, psychologue, psychologues, soutien psychologique",
    "nounou, nourrice => assistante maternelle, assistant maternel, mode de garde",
    "sortie, sorties, vacances, jouer => loisirs, temps en famille, sorties familiales",
    "deuil, décès",
    # Acronyms of the partners named in the domain documents.
    "MDA, maison des adolescents",
    "PIF, point info famille",
    "EVS, espace de vie sociale",
    "CCAS, centre communal d'action sociale",
    "VEO, violences éducatives ordinaires",
]


def add(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    Synonym.objects.filter(terms=OLD_ADOS).delete()
    Synonym.objects.filter(terms=OLD_CLAS).update(terms=NEW_CLAS)
    for terms in PARENTS_VOCABULARY:
        Synonym.objects.get_or_create(terms=terms)


def remove(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    Synonym.objects.filter(terms__in=PARENTS_VOCABULARY).delete()
    Synonym.objects.get_or_create(terms=OLD_ADOS)
    Synonym.objects.filter(terms=NEW_CLAS).update(terms=OLD_CLAS)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_synonym_one_way_help")]

    operations = [migrations.RunPython(add, remove)]
