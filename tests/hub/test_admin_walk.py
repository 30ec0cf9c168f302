"""Every admin screen that Wagtail and the project register, fetched as the coordinator of each
demo département, shows nothing of another département.

The screens come from the URL resolver, not from a hand list: every pattern under `/admin/` is
fetched (GET) with its path parameters filled by `Scope.kwargs_for`, with the ids of objects of the
coordinator's own département and, for pages, images, documents and indicator sections, with the
ids of the other département's objects too (those must be refused or show nothing of it).
Listings are fetched again with a search that matches the other département's titles. A pattern
whose parameters the walk cannot fill makes the test fail: a new screen is never skipped silently.

A response fails the walk when it contains a title that exists only in another département: a
page (structure, lieu, action, event, news, resource…), an image, a document or an activity
record. Titles that exist outside that département too (national pages, titles both demo
départements share) are not signs of a leak. `NATIONAL` lists what another département may show
by design; it is documented in the README ("Droits des coordinations").
"""

import contextlib
import html
import io
import json
from dataclasses import dataclass, field, replace

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import TestCase
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Page, Task, Workflow

from hub.demo import DEMO_SECTIONS
from hub.indicators.models import ActivityRecord
from hub.models import DepartementPage
from hub.scoping import own_sections
from members.models import Membership
from newsletter.models import Issue
from porteurs.calls import CallForProjects, DossierStatus
from porteurs.models import PorteurAccess, PorteurInvitation, UpdateCampaign

ADMIN = "admin/"
# Screens the walk does not fetch, and why.
SKIPPED = {
    "wagtailadmin_logout": "would end the walk's session",
    "wagtailadmin_error_test": "raises on purpose (Wagtail's test of the 500 page)",
}
# Titles of another département's content that a coordinator may see by design: the names of the
# départements themselves (section pages), offered by the département filters of the admin.
NATIONAL = {"Nord", "Gironde"}
# The key of `Scope.kwargs_for` results that holds a query string rather than a path parameter.
QUERY = "?"
# Words that match titles of both demo départements, for the search variant of listings.
SEARCH_WORDS = ("parents",)


def admin_patterns():
    """`(reverse name or None, route, parameter names, view)` of every admin URL pattern."""

    def walk(patterns, namespace, prefix):
        for entry in patterns:
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                yield from walk(entry.url_patterns, inner, route)
            elif isinstance(entry, URLPattern) and route.startswith(ADMIN):
                name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
                yield name, route, tuple(entry.pattern.regex.groupindex), entry.callback

    return list(walk(get_resolver().url_patterns, None, ""))


def view_model(view):
    """The model a class-based view or viewset declares, when it declares one."""
    for candidate in (
        getattr(view, "view_initkwargs", {}).get("model"),
        getattr(getattr(view, "cls", None), "model", None),
        getattr(getattr(view, "view_class", None), "model", None),
    ):
        if isinstance(candidate, type):
            return candidate
    return None


def label(model):
    return {"app_label": model._meta.app_label, "model_name": model._meta.model_name}


@dataclass
class Scope:
    """A département's objects whose ids fill the admin URLs."""

    section: DepartementPage
    pages: list = field(default_factory=list)  # one page of each type, the section first
    image: object = None
    document: object = None
    collection: object = None
    record: object = None
    user: object = None
    group: object = None
    issue: object = None
    access: object = None
    invitation: object = None
    membership: object = None
    campaign: object = None

    @classmethod
    def of(cls, section):
        pages = [section]
        kinds = {section.specific_class}
        for page in Page.objects.descendant_of(section).order_by("path").specific():
            if type(page) not in kinds:
                kinds.add(type(page))
                pages.append(page)
        collection = Collection.objects.get(name=section.departement.nom)
        user = get_user_model().objects.get(
            username=next(
                spec["username"]
                for spec in DEMO_SECTIONS
                if spec["code"] == section.departement.code
            )
        )
        return cls(
            section=section,
            pages=pages,
            image=get_image_model().objects.get(collection=collection),
            document=get_document_model().objects.get(collection=collection),
            collection=collection,
            record=ActivityRecord.objects.filter(section=section).first(),
            user=user,
            group=user.groups.get(),
            issue=Issue.objects.filter(departement=section.departement).first(),
            access=PorteurAccess.objects.filter(structure__path__startswith=section.path).first(),
            invitation=PorteurInvitation.objects.filter(
                structure__path__startswith=section.path
            ).first(),
            membership=Membership.objects.filter(departement=section.departement).first(),
            campaign=UpdateCampaign.objects.filter(section=section).first(),
        )

    def narrowed(self):
        """The same département with only its section and one action page: enough to prove
        another département's ids are refused, at a fraction of the requests."""
        return replace(self, pages=[self.pages[0], self.page_of_type({"actionpage"})])

    def page_of_type(self, names):
        return next((page for page in self.pages if page._meta.model_name in names), self.pages[0])

    def kwargs_for(self, route, params, view):
        """The keyword arguments to try for a pattern; None when the walk cannot fill it."""
        params = set(params)
        if not params:
            return [{}]
        if params == {"app_label", "model_name", "action"}:
            return [
                {"app_label": app, "model_name": model, "action": action, QUERY: self._ids(model)}
                for app, models in bulk_action_registry.actions.items()
                for model, actions in models.items()
                for action in actions
            ]
        if "content_type_app_name" in params or route.startswith("admin/pages/create/"):
            return [
                self._only(params, self._page_kwargs(page, as_type=True)) for page in self.pages
            ]
        if params & {"page_id", "parent_page_id", "page_to_move_id", "page_pk"} or (
            route.startswith(("admin/pages/", "admin/api/main/^pages/")) and "pk" in params
        ):
            return [self._only(params, self._page_kwargs(page)) for page in self.pages]
        if route.startswith("admin/settings/"):
            return [
                self._only(params, {"app_name": m._meta.app_label, **self._model_kwargs(m)})
                for m in settings_registry
            ]
        if route.startswith("admin/tag-autocomplete/"):
            return [
                {"app_name": m._meta.app_label, "model_name": m._meta.model_name}
                for m in apps.get_models()
                if any(f.name == "tags" for f in m._meta.get_fields())
            ]
        if route.startswith("admin/workflows/tasks/add/"):
            return [label(model) for model in apps.get_models() if issubclass(model, Task)]
        values = self._values(route, view)
        if not params <= values.keys():
            return None
        return [{name: values[name] for name in params}]

    def _ids(self, model_name):
        """The query string selecting this département's objects for a bulk action."""
        ids = {
            "page": [page.pk for page in self.pages[1:]],
            "image": [self.image.pk],
            "document": [self.document.pk],
            "user": [self.user.pk],
        }.get(model_name, [])
        return "&".join(f"id={pk}" for pk in ids)

    @staticmethod
    def _only(params, values):
        return {name: value for name, value in values.items() if name in params}

    def _model_kwargs(self, model):
        instance = model.objects.first()
        return {"model_name": model._meta.model_name, "pk": instance.pk if instance else 1}

    def _page_kwargs(self, page, as_type=False):
        revision = page.latest_revision
        values = {
            "page_id": page.pk,
            "parent_page_id": page.get_parent().pk if as_type else page.pk,
            "page_to_move_id": page.pk,
            "page_pk": page.pk,
            "pk": page.pk,
            "destination_id": self.section.pk,
            "revision_id": revision.pk if revision else 1,
            "revision_id_a": "earliest",
            "revision_id_b": "latest",
            "action_name": "approve",
            "task_state_id": 1,
            "task_id": Task.objects.first().pk,
            "workflow_state_id": 1,
            "workflow_pk": Workflow.objects.first().pk,
            "content_type_app_name": page._meta.app_label,
            "content_type_model_name": page._meta.model_name,
            "app_label": page._meta.app_label,
            "model_name": page._meta.model_name,
        }
        return values

    def _values(self, route, view):
        """Values of the parameters that do not depend on a page."""
        model = view_model(view)
        by_model = {
            Collection: self.collection.pk,
            Workflow: Workflow.objects.first().pk,
            Task: Task.objects.first().pk,
            get_user_model(): self.user.pk,
            type(self.group): self.group.pk,
            get_image_model(): self.image.pk,
            get_document_model(): self.document.pk,
        }
        call = CallForProjects.objects.filter(section=self.section).order_by("-year").first()
        dossier = call.dossiers.filter(status=DossierStatus.RETENU).first()
        values = {
            "call_pk": call.pk,
            "dossier_pk": dossier.pk,
            "document_pk": call.documents.first().pk,
            "attachment_pk": dossier.attachments.first().pk,
            "image_id": self.image.pk,
            "document_id": self.document.pk,
            "doc_id": self.document.pk,
            "collection_id": self.collection.pk,
            "section_pk": self.section.pk,
            "issue_pk": self.issue.pk,
            "code": self.section.departement.code,
            "record_pk": self.record.pk,
            "access_id": self.access.pk,
            "invitation_id": self.invitation.pk,
            "membership_id": self.membership.pk,
            "campaign_id": self.campaign.pk,
            "key": "actions",
            "index_id": self.page_of_type({"directoryindexpage"}).pk,
            "filter_spec": "original",
            "task_id": Task.objects.first().pk,
            "uploaded_file_id": 1,
            "redirect_id": 1,
            "session_id": 1,
            "uidb64": "MQ",
            "token": "jeton",
            "object_id": str(self.section.pk),
            "app_label": "wagtailcore",
            "model_name": "page",
        }
        if route.startswith("admin/workflows/tasks/"):
            values["pk"] = Task.objects.first().pk
        elif route.startswith("admin/workflows/"):
            values["pk"] = Workflow.objects.first().pk
        elif model is not None:
            instance = model.objects.first()
            values["pk"] = by_model.get(model, instance.pk if instance else 1)
        elif "chooser/chosen/" in route:
            values["pk"] = str(
                self.image.pk if route.startswith("admin/images/") else self.document.pk
            )
        elif route.startswith("admin/api/main/^"):
            values["pk"] = self.image.pk if "^images/" in route else self.document.pk
        return values


def other_titles(scope, everything_else):
    """Titles that exist only in `scope`'s département."""
    titles = {page.title for page in Page.objects.descendant_of(scope.section, inclusive=True)}
    titles |= {scope.image.title, scope.document.title}
    titles |= set(
        ActivityRecord.objects.filter(section=scope.section).values_list("title", flat=True)
    )
    titles |= set(
        Issue.objects.filter(departement=scope.section.departement).values_list(
            "subject", flat=True
        )
    )
    return {title for title in titles - everything_else - NATIONAL if len(title) > 3}


def readable(response):
    """The response body as text, with HTML entities and JSON escapes decoded."""
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    text = body.decode("utf-8", "replace")
    if "json" in response.get("Content-Type", ""):
        with contextlib.suppress(ValueError):
            text = json.dumps(json.loads(text), ensure_ascii=False)
    return html.unescape(text)


class AdminWalkTests(TestCase):
    maxDiff = None

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
        for section in DepartementPage.objects.all():
            collection = Collection.objects.get(name=section.departement.nom)
            get_image_model().objects.create(
                title=f"Affiche du réseau {section.departement.nom}",
                file=get_test_image_file(),
                collection=collection,
            )
            get_document_model().objects.create(
                title=f"Compte rendu du réseau {section.departement.nom}",
                file=SimpleUploadedFile("cr.pdf", b"%PDF-1.4 test"),
                collection=collection,
            )
            # The demo runs a campaign in one département only: each walk needs one of its own.
            UpdateCampaign.objects.get_or_create(section=section, year=2026)
        cls.scopes = {section.pk: Scope.of(section) for section in DepartementPage.objects.all()}

    def all_titles_but(self, scope):
        """Titles found outside `scope`'s département (national or elsewhere)."""
        titles = set(
            Page.objects.exclude(path__startswith=scope.section.path).values_list(
                "title", flat=True
            )
        )
        titles |= set(
            get_image_model()
            .objects.exclude(collection=scope.collection)
            .values_list("title", flat=True)
        )
        titles |= set(
            get_document_model()
            .objects.exclude(collection=scope.collection)
            .values_list("title", flat=True)
        )
        titles |= set(
            ActivityRecord.objects.exclude(section=scope.section).values_list("title", flat=True)
        )
        titles |= set(
            Issue.objects.exclude(departement=scope.section.departement).values_list(
                "subject", flat=True
            )
        )
        return titles

    def urls(self, own, other):
        """`(url, whose ids)` of every admin screen; unfillable patterns go to `self.unfilled`."""
        for name, route, params, view in admin_patterns():
            if name in SKIPPED or route == "admin/^.*/$":
                continue
            if name is None:
                if params:
                    self.unfilled.append(route)
                else:
                    yield "/" + route, "own"
                continue
            for whose, scope in (("own", own), ("other", other.narrowed())):
                kwargs_list = scope.kwargs_for(route, params, view)
                if kwargs_list is None:
                    self.unfilled.append(route)
                    break
                for kwargs in kwargs_list:
                    query = kwargs.pop(QUERY, "")
                    url = reverse(name, kwargs=kwargs) + (f"?{query}" if query else "")
                    yield url, whose
                    if not params:
                        for word in SEARCH_WORDS:
                            yield f"{url}?q={word}", whose
                if not params:
                    break

    def test_every_admin_screen_shows_only_the_coordinators_departement(self):
        self.unfilled, leaks, errors, fetched = [], [], [], 0
        for section_pk, own in self.scopes.items():
            user = own.user
            self.assertEqual(list(own_sections(user)), [own.section])
            for other in (scope for pk, scope in self.scopes.items() if pk != section_pk):
                forbidden = other_titles(other, self.all_titles_but(other))
                self.assertGreater(len(forbidden), 20, "the walk must look for many titles")
                self.client.force_login(user)
                urls = {}
                for url, whose in self.urls(own, other):
                    urls.setdefault(url, whose)
                for url, whose in urls.items():
                    fetched += 1
                    try:
                        response = self.client.get(url)
                    except Exception as error:  # noqa: BLE001 - every crash is reported below
                        errors.append(f"{user.username} {url}: {error!r}")
                        continue
                    if response.status_code >= 500:
                        errors.append(f"{user.username} {url}: {response.status_code}")
                        continue
                    text = readable(response)
                    shown = sorted(title for title in forbidden if title in text)
                    if shown:
                        leaks.append(f"{user.username} {url} ({whose} ids): {shown[:3]}")
        self.assertEqual(
            {"unfilled": sorted(set(self.unfilled)), "errors": errors, "leaks": leaks},
            {"unfilled": [], "errors": [], "leaks": []},
        )
        self.assertGreater(fetched, 300)
