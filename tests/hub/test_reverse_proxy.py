"""The real Varnish of the production set-up (deploy/varnish/hub.vcl) in front of the site: it
keeps anonymous pages, answers conditional GETs itself, passes signed-in visitors, and a
publication bans what it changed. Skipped when Varnish cannot be installed, never in CI."""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from tests.builders import add_news, build_network

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def require_varnish():
    script = settings.BASE_DIR / "scripts" / "ensure-package"
    if subprocess.run([str(script), "varnishd", "varnish"], capture_output=True).returncode:
        message = "Varnish is missing and could not be installed (scripts/ensure-package)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def proxy(live_server):
    require_varnish()
    # Varnish reads its VCL as its own unprivileged user: not from pytest's private folders.
    tmp_path = Path(tempfile.mkdtemp(prefix="hub-varnish-"))
    tmp_path.chmod(0o755)
    backend_port = live_server.url.rsplit(":", 1)[1]
    # A copy of the VCL there too: the checkout itself may sit in a private folder.
    included = tmp_path / "hub.vcl"
    shutil.copyfile(settings.BASE_DIR / "deploy" / "varnish" / "hub.vcl", included)
    included.chmod(0o644)
    vcl = tmp_path / "site.vcl"
    vcl.write_text(
        "vcl 4.1;\n"
        f'backend default {{ .host = "127.0.0.1"; .port = "{backend_port}"; }}\n'
        f'include "{included}";\n'
    )
    port = free_port()
    varnishd = os.environ.get("VARNISHD", "/usr/sbin/varnishd")
    process = subprocess.Popen(
        [varnishd, "-F", "-n", str(tmp_path / "varnish"), "-a", f"127.0.0.1:{port}"]
        + ["-f", str(vcl), "-s", "malloc,32m"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60  # compiling the VCL takes seconds on a busy machine
    while not answers(url):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"Varnish did not start: {process.stderr.read().decode()}")
        time.sleep(0.2)
    with override_settings(FRONTEND_CACHE_URLS=[url]):
        yield url
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(tmp_path, ignore_errors=True)


def answers(url):
    try:
        urllib.request.urlopen(urllib.request.Request(url + "/", method="BAN"), timeout=1)
    except urllib.error.HTTPError:
        return True  # 400: no pattern, Varnish is up
    except OSError:
        return False
    return True


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, ""


def test_varnish_keeps_revalidates_passes_and_is_purged(proxy):
    net = build_network()
    add_news(net["nord"], "Café des parents à Roubaix")
    add_news(net["gironde"], "Ciné-débat à Mérignac")

    status, headers, body = get(proxy + "/nord/actualites/")
    assert (status, headers["X-Cache"]) == (200, "MISS")
    assert "Café des parents à Roubaix" in body
    status, headers, _ = get(proxy + "/nord/actualites/")
    assert headers["X-Cache"] == "HIT"
    assert get(proxy + "/gironde/actualites/")[1]["X-Cache"] == "MISS"

    # Conditional GETs answered by the proxy from its copy.
    status, revalidated, _ = get(proxy + "/nord/actualites/", {"If-None-Match": headers["ETag"]})
    assert (status, revalidated["X-Cache"]) == (304, "HIT")
    status, _, _ = get(proxy + "/nord/actualites/", {"If-Modified-Since": headers["Last-Modified"]})
    assert status == 304

    # A cookie of an anonymous visitor does not split the cache; a session goes to the site.
    assert get(proxy + "/nord/actualites/", {"Cookie": "csrftoken=abc"})[1]["X-Cache"] == "HIT"
    status, private, _ = get(proxy + "/nord/actualites/", {"Cookie": "sessionid=abc"})
    assert private["X-Cache"] == "MISS"

    # Publishing bans the Nord's listing, not the Gironde's.
    add_news(net["nord"], "Atelier des pères à Tourcoing")
    status, headers, body = get(proxy + "/nord/actualites/")
    assert headers["X-Cache"] == "MISS"
    assert "Atelier des pères à Tourcoing" in body
    assert get(proxy + "/gironde/actualites/")[1]["X-Cache"] == "HIT"


def test_varnish_refuses_bans_without_a_pattern(proxy):
    request = urllib.request.Request(proxy + "/", method="BAN")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 400
