"""Accessibility (axe-core, WCAG 2.1 AA, 1280 and 360 px), privacy (no request to another
host), Content Security Policy (nothing blocked) and width (no page wider than the screen) of
every kind of public page, in headless Chromium against the demo content.

The pages are discovered, not listed (see `discovery.py`): new page types, routes and listings
are checked as soon as they exist and are linked or live in the page tree.
"""

import http.server
import io
import threading
from functools import partial

import pytest
from django.core.management import call_command
from django.test import Client

from tests.quality.browser import (
    audit,
    describe_overflows,
    describe_violations,
    require_browser,
)
from tests.quality.discovery import discover_in_process

pytestmark = pytest.mark.browser

WIDE_LINE = b"0123456789" * 50
BAD_PAGE = (
    b"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Test</title></head>
<body><main><h1>Test</h1><img src="/pixel.png"><p style="color: red">Style</p>
<img src="http://127.0.0.2:9/pixel.png" alt="x">
<pre class="too-wide">%s</pre>
</main></body></html>"""
    % WIDE_LINE
)


@pytest.fixture
def bad_site(tmp_path):
    """A throwaway page with a missing alt text, an image from another host, an inline style
    that its Content Security Policy forbids and a line wider than a phone."""
    (tmp_path / "index.html").write_bytes(BAD_PAGE)

    class Handler(http.server.SimpleHTTPRequestHandler):
        def end_headers(self):
            self.send_header("Content-Security-Policy", "style-src 'self'")
            super().end_headers()

        def log_message(self, *args):
            pass

    handler = partial(Handler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_audit_reports_violations_foreign_requests_and_overflow(bad_site):
    require_browser()
    report = audit(bad_site, ["/index.html"])
    assert {page["width"] for page in report["pages"]} == {1280, 360}
    assert "image-alt" in describe_violations(report)
    assert {request["url"] for request in report["foreignRequests"]} == {
        "http://127.0.0.2:9/pixel.png"
    }
    assert report["cspViolations"]
    overflows = describe_overflows(report)
    assert "/index.html @ 360px" in overflows
    assert "widest element: main > pre.too-wide" in overflows


# Serialized rollback: the next transactional tests find the database as migrations left it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_kind_of_public_page_is_accessible_and_private(live_server):
    require_browser()
    call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
    site = discover_in_process(Client())
    assert not site.broken_links, f"links to pages that answer an error: {site.broken_links}"
    kinds = set(site.pages)
    assert {"hub.homepage", "hub.departementpage", "hub.newspage", "search"} <= kinds, kinds

    report = audit(live_server.url, site.sample_urls())

    assert not report["errors"], report["errors"]
    assert len(report["pages"]) == 2 * len(site.sample_urls())
    assert all(page["status"] == 200 for page in report["pages"]), report["pages"]
    assert not describe_violations(report), "\n" + describe_violations(report)
    assert not report["foreignRequests"], report["foreignRequests"]
    assert not report["cspViolations"], report["cspViolations"]
    assert not describe_overflows(report), "\n" + describe_overflows(report)
