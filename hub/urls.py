from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from hub import views
from search import views as search_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sante/", views.health, name="health"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("departements/aller/", views.go_to_departement, name="go_to_departement"),
    path("recherche/", search_views.search_view, name="search"),
    path("recherche/suggestions/", search_views.autocomplete_view, name="search_autocomplete"),
    path("api/annuaire/", include("directory.urls")),
    path("inscriptions/", include("webforms.urls")),
    path("espace-porteurs/", include("porteurs.urls")),
    path("espace-membres/", include("members.urls")),
    path("", include("newsletter.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "hub.views.bad_request"
handler403 = "hub.views.forbidden"
handler404 = "hub.views.page_not_found"
handler500 = "hub.views.server_error"
