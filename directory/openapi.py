"""OpenAPI 3.1 description of the directory's public API."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from directory import choices
from directory.forms import RADIUS_CHOICES
from hub.taxonomies import Theme


def _param(name, description, schema):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


def _enum(choices_class):
    return {"type": "string", "enum": [value for value, _label in choices_class.choices]}


PARAMETERS = [
    _param(
        "departement", "Code INSEE du département (ex. 59) ; tous si absent.", {"type": "string"}
    ),
    _param(
        "q", "Mots recherchés (accents et casse ignorés).", {"type": "string", "maxLength": 100}
    ),
    _param("lieu", "Commune ou code postal ; trie par distance.", {"type": "string"}),
    _param(
        "rayon",
        "Rayon en km autour du lieu.",
        {"type": "integer", "enum": [value for value, _label in RADIUS_CHOICES], "default": 10},
    ),
    _param("age", "Âge de l'enfant (actions).", {"type": "integer", "minimum": 0, "maximum": 21}),
    _param("theme", "Thème (actions).", _enum(Theme)),
    _param("type", "Type d'action.", _enum(choices.ActionType)),
    _param("format", "Collectif ou individuel (actions).", _enum(choices.Format)),
    _param("mode", "Sur place ou à distance (actions).", _enum(choices.Mode)),
    _param("gratuit", "Gratuit uniquement.", {"type": "boolean"}),
    _param("samedi", "Ouvert le samedi.", {"type": "boolean"}),
    _param("soir", "Ouvert après 18 h.", {"type": "boolean"}),
    _param("page", "Numéro de page.", {"type": "integer", "minimum": 1, "default": 1}),
    _param(
        "par_page",
        "Résultats par page.",
        {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
    ),
]

PAGE_SCHEMA = {
    "type": "object",
    "required": ["total", "page", "pages", "suivante", "precedente", "resultats"],
    "properties": {
        "total": {"type": "integer"},
        "page": {"type": "integer"},
        "pages": {"type": "integer"},
        "suivante": {"type": ["string", "null"], "format": "uri"},
        "precedente": {"type": ["string", "null"], "format": "uri"},
        "resultats": {"type": "array", "items": {"type": "object"}},
    },
}


def document(base_path="/api/annuaire"):
    paths = {}
    for kind, summary in (
        ("actions", "Actions de soutien à la parentalité"),
        ("lieux", "Lieux ressources parentalité"),
        ("promeneurs", "Promeneurs du Net"),
    ):
        paths[f"{base_path}/{kind}/"] = {
            "get": {
                "summary": summary,
                "operationId": f"list_{kind}",
                "parameters": PARAMETERS,
                "responses": {
                    "200": {
                        "description": "Une page de résultats",
                        "content": {"application/json": {"schema": PAGE_SCHEMA}},
                    },
                    "400": {"description": "Paramètre invalide (message en français)"},
                    "404": {"description": "Page inexistante"},
                },
            }
        }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Hub Parentalité – annuaire",
            "version": "1.0",
            "description": (
                "API publique en lecture seule de l'annuaire : actions, lieux ressources et "
                "Promeneurs du Net."
            ),
        },
        "paths": paths,
    }


@require_GET
def openapi(request):
    return JsonResponse(document(), json_dumps_params={"ensure_ascii": False})
