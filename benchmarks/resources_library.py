"""Speed of the resource library: analysis of an upload, listing pages, download counting.

Run from the project folder (throwaway test database, SQLite unless DATABASE_URL is set):
    DJANGO_SETTINGS_MODULE=hub.settings.test .venv/bin/python benchmarks/resources_library.py
"""

import os
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")

import django  # noqa: E402

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.runner import DiscoverRunner  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from resources.demo_files import pdf_document  # noqa: E402
from resources.extraction import pdf_thumbnail  # noqa: E402
from resources.models import ResourceFile, ResourcePage  # noqa: E402
from resources.uploads import analyse  # noqa: E402
from tests.builders import build_network  # noqa: E402
from tests.resources.builders import add_resource, library  # noqa: E402

RESOURCES = 500
PAGES_IN_PDF = 50
DOWNLOAD_THREADS = 4
DOWNLOADS_PER_THREAD = 50


def timed(function, repeat=5):
    durations = []
    for _i in range(repeat):
        start = time.perf_counter()
        function()
        durations.append(time.perf_counter() - start)
    return statistics.median(durations) * 1000


def bench_analysis():
    paragraphs = ["Le temps d'écran avant trois ans est à éviter autant que possible. " * 12] * (
        PAGES_IN_PDF * 4
    )
    data = pdf_document("Guide long", "Benchmark", paragraphs)
    print(f"PDF de {len(data) // 1024} Ko :")
    print(f"  contrôle + texte : {timed(lambda: analyse(ContentFile(data, name='a.pdf'))):.0f} ms")
    print(f"  vignette         : {timed(lambda: pdf_thumbnail(ContentFile(data))):.0f} ms")


def bench_listing(net):
    template = add_resource(net["nord"], "Modèle de ressource")
    stored = ResourceFile.objects.get(page=template)
    index = library(net["nord"])
    for number in range(RESOURCES):
        page = ResourcePage(
            title=f"Ressource {number}",
            slug=f"ressource-{number}",
            summary="Résumé",
            kind="guide",
            themes=["ecrans-et-numerique"] if number % 2 else ["sante"],
            audiences=["parents"],
            author="Benchmark",
        )
        index.add_child(instance=page)
        ResourceFile.objects.create(
            page=page, file=stored.file.name, format="pdf", size=stored.size
        )
    client = Client()
    for url in (
        "/nord/ressources/",
        "/ressources/?tri=telechargements",
        "/ressources/?theme=ecrans-et-numerique&format=pdf&page=5",
    ):
        status = client.get(url).status_code
        duration = timed(lambda url=url: client.get(url))
        print(f"  {url} : HTTP {status}, {duration:.0f} ms")
    return template, stored


def bench_downloads(resource, resource_file):
    url = f"{resource.url}telecharger/{resource_file.pk}/"

    def work():
        client = Client()
        for _i in range(DOWNLOADS_PER_THREAD):
            client.get(url).close()
        connections.close_all()

    threads = [threading.Thread(target=work) for _i in range(DOWNLOAD_THREADS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    total = DOWNLOAD_THREADS * DOWNLOADS_PER_THREAD
    print(
        f"  {total} téléchargements sur {DOWNLOAD_THREADS} fils : {total / elapsed:.0f} par seconde"
    )


def main():
    setup_test_environment()
    runner = DiscoverRunner(verbosity=0)
    old_config = runner.setup_databases()
    try:
        bench_analysis()
        net = build_network()
        print(f"Ressourcerie de {RESOURCES} ressources ({connection.vendor}) :")
        resource, resource_file = bench_listing(net)
        bench_downloads(resource, resource_file)
    finally:
        runner.teardown_databases(old_config)


if __name__ == "__main__":
    main()
