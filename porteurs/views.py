"""The porteurs' space: a person's structures and their records."""

from django.shortcuts import render

from .access import RECORD_TYPES, porteur_required, record_for, structures_for


@porteur_required
def home(request):
    """The person's structures, each with its actions, lieux ressources and Promeneurs du Net."""
    structures = list(structures_for(request.user).order_by("title"))
    records = {structure.pk: [] for structure in structures}
    for model in RECORD_TYPES:
        for record in model.objects.filter(structure__in=structures).order_by("title"):
            records[record.structure_id].append(record)
    groups = [
        {
            "structure": structure,
            "records": sorted(records[structure.pk], key=lambda record: record.title.lower()),
        }
        for structure in structures
    ]
    return render(request, "porteurs/home.html", {"groups": groups})


@porteur_required
def record(request, page_id):
    """One record of the person's structures."""
    page = record_for(request.user, page_id)
    return render(request, "porteurs/record.html", {"record": page})
