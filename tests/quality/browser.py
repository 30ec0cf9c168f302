"""Run `browser_audit.mjs` (headless Chromium + axe-core) and read its JSON report."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

AUDIT_SCRIPT = Path(__file__).with_name("browser_audit.mjs")


def require_browser():
    """Skip (fail in CI) when Chromium or the npm packages are missing."""
    missing = [tool for tool in ("chromium", "node") if shutil.which(tool) is None]
    if not (settings.NODE_MODULES_DIR / "playwright-core").is_dir():
        missing.append("node_modules/playwright-core (make deps)")
    if missing:
        message = f"Missing for the browser checks: {', '.join(missing)} (scripts/ensure-chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def audit(base_url, paths, timeout=600):
    """The audit report of `paths` on the site at `base_url`."""
    completed = subprocess.run(
        ["node", str(AUDIT_SCRIPT), base_url.rstrip("/"), *paths],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=settings.BASE_DIR,
        check=False,
    )
    if completed.returncode != 0:
        raise AssertionError(f"browser audit failed:\n{completed.stderr}")
    return json.loads(completed.stdout)


def describe_overflows(report):
    """One line per page wider than its screen, naming the element that sticks out most."""
    lines = []
    for page in report["pages"]:
        overflow = page.get("overflow") or {}
        if overflow.get("scrollWidth", 0) > overflow.get("viewport", 0):
            lines.append(
                f"{page['path']} @ {page['width']}px: {overflow['scrollWidth']} px wide for a "
                f"{overflow['viewport']} px screen; widest element: {overflow['widest']} "
                f"(right edge at {overflow.get('right')} px)"
            )
    return "\n".join(lines)


def describe_violations(report):
    lines = []
    for page in report["pages"]:
        for violation in page["violations"]:
            lines.append(
                f"{page['path']} @ {page['width']}px: {violation['id']} ({violation['impact']}) "
                f"{violation['help']} -> {violation['targets']}\n    {violation['summary']}"
            )
    return "\n".join(lines)
