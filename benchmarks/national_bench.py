"""`make bench`: every page type at national scale, through the proxy, straight to gunicorn and
served by the proxy as a file, in one run.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_bench \
        .venv/bin/python benchmarks/national_bench.py [--seconds 10] [--connections 20]

Builds (or tops up) the 50,000-action, 5,000-event data set on PostgreSQL (benchmarks/dataset.py),
starts the production set-up (scripts/production: Varnish in front of gunicorn 2 workers ×
4 threads, Django's cache on Redis), then measures each page with wrk (Debian package, installed
when missing): uncached (gunicorn), cached (a hit of Varnish) and the static ceiling (a second
Varnish answering the same bytes from a file, std.fileread), and prints requests/s, p50 and p99.
"""

import argparse
import datetime
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RUN = ROOT / "var" / "bench"
STATIC_VCL = """vcl 4.1;
import std;
backend default none;
sub vcl_recv {{
    if (req.http.If-None-Match) {{ return (synth(304)); }}
    return (synth(200));
}}
sub vcl_synth {{
    if (resp.status == 200) {{
        set resp.http.Content-Type = std.fileread("{root}" + req.url + ".type");
        synthetic(std.fileread("{root}" + req.url));
    }}
    return (deliver);
}}
"""


def ensure(command, package):
    if subprocess.run([str(ROOT / "scripts" / "ensure-package"), command, package]).returncode:
        raise SystemExit(f"{command} est introuvable et n'a pas pu être installé ({package}).")


def build_data_set(actions, events):
    """The data-set step: benchmarks/dataset.py (tops up, adds nothing when already built),
    then the background tasks it queued."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")
    django.setup()
    from django.core.management import call_command

    from benchmarks.dataset import build

    build(actions=actions, events=events)
    # What building queued (index updates of thousands of pages) runs now: the production
    # worker would otherwise run it during the measures, on the same two cores.
    call_command("db_worker", batch=True, queue_name="*", no_startup_delay=True, verbosity=0)


def page_urls():
    """One URL per page type of the issue, on the data set just built."""
    from django.utils import timezone

    from directory.models import ActionPage
    from resources.models import ResourcePage

    action = ActionPage.objects.live().filter(url_path__contains="/nord/").order_by("pk").first()
    resource = ResourcePage.objects.live().order_by("pk").first()
    month = timezone.localdate().strftime("%Y-%m")
    return [
        ("accueil", "/"),
        ("annuaire près de Roubaix, 10 km, 14 ans", "/nord/annuaire/?lieu=Roubaix&rayon=10&age=14"),
        ("annuaire, mots", "/annuaire/?q=caf%C3%A9+des+parents"),
        ("fiche action", action.get_url()),
        ("recherche du site", "/recherche/?q=parents"),
        ("agenda", "/agenda/"),
        ("mois de l'agenda", f"/agenda/mois/{month}/"),
        ("ressourcerie", "/ressources/"),
        ("ressource", resource.get_url()),
        ("flux national, 200", "/agenda/ical/"),
        ("flux national, 304", "/agenda/ical/"),
    ]


def wait_for(url, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except (OSError, urllib.error.URLError):
            time.sleep(0.5)
    raise SystemExit(f"Rien ne répond à {url}.")


def settle(app, timeout=120):
    """Wait for gunicorn to finish the requests wrk left in its queue: they would take the CPU
    from the next measure."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        started = time.monotonic()
        fetch(app + "/sante/")
        if time.monotonic() - started < 0.05:
            return
        time.sleep(0.5)


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.read(), dict(response.headers)


def wrk(url, seconds, connections, headers=()):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "--latency"]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"^\s+(50|99)(?:\.0+)?%\s+(\S+)\s*$", output, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rate": rate,
        "p50": milliseconds(latency.get("50", "0ms")),
        "p99": milliseconds(latency.get("99", "0ms")),
        "errors": int(errors.group(1)) if errors else 0,
    }


def milliseconds(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def start_production(database_url, proxy_port, app_port, redis_url):
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        PROXY_PORT=str(proxy_port),
        APP_PORT=str(app_port),
        REDIS_URL=redis_url,
        STATIC_ROOT=str(RUN / "static-files"),
    )
    return subprocess.Popen(
        [str(ROOT / "scripts" / "production")], cwd=ROOT, env=env, start_new_session=True
    )


def start_static_ceiling(port, pages, folder):
    """The second Varnish, serving `pages` from files in `folder`: a folder Varnish's own
    unprivileged user can read (the checkout may sit in a private home folder)."""
    files = folder / "files"
    files.mkdir(parents=True, exist_ok=True)
    for number, (body, content_type) in enumerate(pages):
        (files / f"{number}").write_bytes(body)
        (files / f"{number}.type").write_text(content_type)
    vcl = folder / "static.vcl"
    vcl.write_text(STATIC_VCL.format(root=f"{files}/"))
    for path in (files, *files.iterdir(), vcl):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return subprocess.Popen(
        ["varnishd", "-F", "-n", str(folder / "static-varnish"), "-a", f"127.0.0.1:{port}"]
        + ["-f", str(vcl), "-s", "malloc,256m"],
        start_new_session=True,
        stdout=subprocess.DEVNULL,
    )


def stop(process):
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(process.pid, signal.SIGKILL)


def french(number, digits=0):
    return f"{number:,.{digits}f}".replace(",", "\u202f").replace(".", ",")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actions", type=int, default=50_000)
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 10)))
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--proxy-port", type=int, default=8810)
    parser.add_argument("--app-port", type=int, default=8811)
    parser.add_argument("--static-port", type=int, default=8812)
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/10")
    )
    options = parser.parse_args()
    database_url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if not database_url or not database_url.startswith("postgres"):
        raise SystemExit("BENCH_DATABASE_URL doit désigner une base PostgreSQL.")
    os.environ["DATABASE_URL"] = database_url
    ensure("varnishd", "varnish")
    ensure("wrk", "wrk")
    os.environ["PATH"] += ":/usr/sbin"
    build_data_set(options.actions, options.events)
    pages = page_urls()
    RUN.mkdir(parents=True, exist_ok=True)
    proxy = f"http://127.0.0.1:{options.proxy_port}"
    app = f"http://127.0.0.1:{options.app_port}"
    static = f"http://127.0.0.1:{options.static_port}"
    production = start_production(
        database_url, options.proxy_port, options.app_port, options.redis_url
    )
    ceiling = None
    rows = []
    static_folder = Path(tempfile.mkdtemp(prefix="hub-bench-static-"))
    static_folder.chmod(0o755)
    try:
        wait_for(app + "/sante/")
        wait_for(proxy + "/sante/")
        copies = []
        for _label, url in pages:
            body, headers = fetch(proxy + url)
            fetch(proxy + url)
            copies.append((body, headers["Content-Type"]))
        etag = fetch(proxy + "/agenda/ical/")[1]["ETag"]
        ceiling = start_static_ceiling(options.static_port, copies, static_folder)
        wait_for(f"{static}/0")
        load = os.getloadavg()[0]
        for number, (label, url) in enumerate(pages):
            headers = [f"If-None-Match: {etag}"] if label.endswith("304") else []
            figures = {
                "static": wrk(f"{static}/{number}", options.seconds, options.connections, headers),
                "cached": wrk(proxy + url, options.seconds, options.connections, headers),
                "uncached": wrk(app + url, options.seconds, options.connections, headers),
            }
            settle(app)
            rows.append((label, len(copies[number][0]), figures))
            print(f"{label}: {figures}", file=sys.stderr, flush=True)
        load = max(load, os.getloadavg()[0])
    finally:
        if ceiling is not None:
            stop(ceiling)
        stop(production)
        shutil.rmtree(static_folder, ignore_errors=True)
    print_table(rows, options, load)


def print_table(rows, options, load):
    print()
    print(
        f"{datetime.date.today():%d/%m/%Y}, {options.actions} actions, {options.events} "
        f"événements, {options.connections} connexions, {options.seconds} s par mesure, "
        f"{os.cpu_count()} cœurs, charge moyenne jusqu'à {french(load, 1)}"
    )
    print()
    print(
        "| page | taille | sans cache : req/s | p50 | p99 | Varnish : req/s | p50 | p99 "
        "| fichier : req/s | cache / fichier |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, size, figures in rows:
        uncached, cached, static = figures["uncached"], figures["cached"], figures["static"]
        errors = sum(figure["errors"] for figure in figures.values())
        print(
            f"| {label} | {french(size / 1024)} Ko "
            f"| {french(uncached['rate'], 1)} | {french(uncached['p50'], 1)} ms "
            f"| {french(uncached['p99'], 1)} ms "
            f"| {french(cached['rate'])} | {french(cached['p50'], 2)} ms "
            f"| {french(cached['p99'], 2)} ms "
            f"| {french(static['rate'])} | {french(100 * cached['rate'] / static['rate'])} % |"
            + (f" {errors} erreurs" if errors else "")
        )


if __name__ == "__main__":
    main()
