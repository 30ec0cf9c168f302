// Accessibility and privacy audit of a running site with headless Chromium (Debian package).
// Usage: node browser_audit.mjs BASE_URL PATH... ; prints one JSON report on stdout.
// Each page is loaded at every width; axe-core (npm, read from node_modules) checks it against
// WCAG 2.1 A/AA, every request the page makes is recorded with its host, and a page wider than
// the screen (horizontal scrolling) is reported with the element that sticks out the most.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WIDTHS = [1280, 360];
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
// Without these, Chromium talks to its vendor's hosts on its own and trips the privacy check.
const QUIET_FLAGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-default-apps", "--disable-domain-reliability", "--metrics-recording-only",
];

// In the page: the document's scroll width and, when it exceeds the viewport, the element whose
// right edge or text goes furthest (the deepest one on a tie), outside any scrolling or clipping box.
function measureWidth() {
  const viewport = document.documentElement.clientWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth <= viewport) return { viewport, scrollWidth, widest: null };
  const clips = (element) => {
    for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
      if (getComputedStyle(node).overflowX !== "visible") return true;
    }
    return false;
  };
  let widest = null;
  let right = viewport;
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    // Text overflowing its box (a long word, a <pre>) shows in scrollWidth, not in the box.
    const content = getComputedStyle(element).overflowX === "visible" ? box.left + element.scrollWidth : 0;
    const edge = Math.max(box.right, content) + window.scrollX;
    if (edge >= right && !clips(element)) {
      right = edge;
      widest = element;
    }
  }
  const describe = (element) => {
    if (!element) return null;
    const classes = [...element.classList].map((name) => "." + name).join("");
    const id = element.id ? "#" + element.id : "";
    const parent = element.parentElement;
    const where = parent && parent !== document.body ? describe(parent).split(" > ").slice(-2).join(" > ") + " > " : "";
    return where + element.tagName.toLowerCase() + id + classes;
  };
  return { viewport, scrollWidth, widest: describe(widest), right: Math.round(right) };
}

const [base, ...paths] = process.argv.slice(2);
const siteHost = new URL(base).host;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: QUIET_FLAGS,
});
const report = { pages: [], foreignRequests: [], cspViolations: [], errors: [] };
try {
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    let current = null;
    context.on("request", (request) => {
      const url = new URL(request.url());
      if (["data:", "blob:", "about:"].includes(url.protocol)) return;
      if (url.host !== siteHost) {
        report.foreignRequests.push({ url: request.url(), page: current, width });
      }
    });
    const page = await context.newPage();
    // Inline scripts or styles blocked by the Content Security Policy break the page silently.
    page.on("console", (message) => {
      if (message.type() === "error" && message.text().includes("Content Security Policy")) {
        report.cspViolations.push({ page: current, width, message: message.text() });
      }
    });
    for (const path of paths) {
      current = path;
      try {
        const response = await page.goto(base + path, { waitUntil: "load" });
        await page.evaluate(AXE_SOURCE);
        const result = await page.evaluate(
          (tags) => axe.run(document, { runOnly: { type: "tag", values: tags } }),
          WCAG_TAGS,
        );
        report.pages.push({
          path,
          width,
          status: response ? response.status() : null,
          overflow: await page.evaluate(measureWidth),
          violations: result.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
            summary: v.nodes[0] ? v.nodes[0].failureSummary : "",
          })),
        });
      } catch (error) {
        report.errors.push({ path, width, error: String(error) });
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));
