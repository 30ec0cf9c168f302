"""Public read-only JSON API of the directory, filtered like the search page, paginated."""

from dataclasses import replace

from django.core.exceptions import BadRequest
from django.core.paginator import EmptyPage, Paginator
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from directory.forms import DirectorySearchForm, Kind
from directory.models.pages import records_queryset
from directory.search import search_request, with_distances
from hub.models import DepartementPage
from search.api import ResultList, load_objects
from search.pagination import page_number

PER_PAGE = 20
MAX_PER_PAGE = 100


def _common(page, request):
    data = {
        "id": page.pk,
        "titre": page.title,
        "url": page.get_full_url(request),
        "adresse": page.address,
        "commune": (
            {"code_insee": page.commune.code, "nom": page.commune.nom} if page.commune_id else None
        ),
        "latitude": page.latitude,
        "longitude": page.longitude,
        "telephone": page.phone,
        "courriel": page.email,
        "site_web": page.website,
        "date_maj": page.last_update.isoformat() if page.last_update else None,
    }
    if getattr(page, "distance", None) is not None:
        data["distance_km"] = round(page.distance, 2)
    return data


def serialize(kind, page, request):
    data = _common(page, request)
    if kind == Kind.ACTIONS:
        upcoming = [session.start.isoformat() for session in page.upcoming_sessions]
        data.update(
            {
                "type": page.action_type,
                "description": page.description,
                "themes": page.themes,
                "publics": page.publics,
                "age_min": page.age_min,
                "age_max": page.age_max,
                "format": page.format,
                "modalite": page.mode,
                "calendrier": page.schedule,
                "prochaine_seance": upcoming[0] if upcoming else None,
                "prochaines_seances": upcoming,
                "horaires": page.opening_hours,
                "cout": page.cost,
                "montant": str(page.cost_amount) if page.cost_amount is not None else None,
                "inscription": page.registration,
                "places": page.capacity,
                "lieu_id": page.lieu_id,
                "structure": page.structure.title if page.structure_id else None,
            }
        )
    elif kind == Kind.LIEUX:
        data.update(
            {
                "type": page.kind,
                "description": page.description,
                "horaires": page.opening_hours,
                "ouvert_samedi": page.open_saturday,
                "ouvert_apres_18h": page.open_evening,
                "services": page.services,
                "participation": page.participation,
                "itinerant": page.itinerant,
                "structure": page.structure.title if page.structure_id else None,
            }
        )
    else:
        data.update(
            {
                "fonction": page.function,
                "horaires_presence": page.presence_hours,
                "public": page.audience,
                "structure": page.structure.title if page.structure_id else None,
                "date_labellisation": page.labelled_on.isoformat() if page.labelled_on else None,
            }
        )
    return data


def error(message, status=400, **extra):
    return JsonResponse({"erreur": message, **extra}, status=status)


def _per_page(request):
    """`par_page` (1 to MAX_PER_PAGE, PER_PAGE by default), or None when it is not."""
    try:
        value = int(request.GET.get("par_page", PER_PAGE))
    except ValueError:
        return None
    return value if 1 <= value <= MAX_PER_PAGE else None


@require_GET
def records(request, kind):
    """`/api/annuaire/<actions|lieux|promeneurs>/?departement=59&lieu=Roubaix&age=14&page=1`."""
    departement = request.GET.get("departement", "")
    known = DepartementPage.objects.live().filter(departement__code=departement)
    if departement and not known.exists():
        return error(_("Département inconnu : « %(value)s ».") % {"value": departement[:10]})
    params = request.GET.copy()
    params["contenu"] = kind
    form = DirectorySearchForm(params, departement_code=departement or None)
    if not form.is_valid():
        return error(
            _("Paramètres invalides."),
            details={
                field: [str(message) for message in messages]
                for field, messages in form.errors.items()
            },
        )
    try:
        number = page_number(request)
    except BadRequest as refusal:
        return error(str(refusal))
    per_page = _per_page(request)
    if per_page is None:
        return error(_("« par_page » doit être un entier de 1 à %(max)s.") % {"max": MAX_PER_PAGE})
    wanted = replace(
        search_request(form.cleaned_data, departement or None), page=number, per_page=per_page
    )
    paginator = Paginator(ResultList(wanted), per_page)
    try:
        page_obj = paginator.page(number)
    except EmptyPage:
        return error(
            _("La page %(number)s n'existe pas : %(count)s page(s).")
            % {"number": number, "count": paginator.num_pages},
            status=404,
        )

    def link(number):
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return JsonResponse(
        {
            "total": paginator.count,
            "page": page_obj.number,
            "pages": paginator.num_pages,
            "suivante": link(page_obj.next_page_number()) if page_obj.has_next() else None,
            "precedente": (
                link(page_obj.previous_page_number()) if page_obj.has_previous() else None
            ),
            "resultats": [
                serialize(kind, record, request)
                for record in with_distances(
                    load_objects(page_obj.object_list, records_queryset(kind))
                )
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
