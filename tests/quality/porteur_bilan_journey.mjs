// A porteur on a 360 px phone completes a bilan from the reminder e-mail's link: the link opens
// the space's login page, signing in lands on the bilan, contradictory figures are refused with
// a message naming the field, the corrected bilan is transmitted. Every step is checked with
// axe-core and for horizontal scrolling; prints a JSON report.
// Usage: node porteur_bilan_journey.mjs LINK USERNAME PASSWORD [SCREENSHOT_DIR]
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const [link, username, password, screenshots] = process.argv.slice(2);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
const steps = [];
const squash = (value) => value.replace(/\s+/g, " ").trim();

async function look(name) {
  await page.evaluate(AXE_SOURCE);
  const axe = await page.evaluate(
    (tags) => axe.run(document, { runOnly: { type: "tag", values: tags } }),
    WCAG_TAGS,
  );
  const step = {
    name,
    url: page.url(),
    title: squash(await page.locator("h1").innerText()),
    text: squash(await page.locator("main").innerText()),
    wider: await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth),
    violations: axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`),
    alert: (await page.locator("[role=alert]").count())
      ? squash(await page.locator("[role=alert]").first().innerText())
      : "",
    status: (await page.locator("[role=status]").count())
      ? squash(await page.locator("[role=status]").first().innerText())
      : "",
  };
  if (screenshots) await page.screenshot({ path: `${screenshots}/bilan-${name}.png`, fullPage: true });
  steps.push(step);
  return step;
}

async function submit(button) {
  await Promise.all([page.waitForNavigation(), page.click(button)]);
}

try {
  await page.goto(link);
  await look("connexion");
  await page.fill("#id_username", username);
  await page.fill("#id_password", password);
  await submit(".space-form button[type=submit]");
  const form = await look("formulaire");
  // The labels a porteur reads, and the first field's top on the first screen.
  form.labels = await page.locator(".space-form label").allInnerTexts();
  form.firstFieldTop = (await page.locator("#id_sessions").boundingBox()).y;

  const figures = {
    "#id_sessions": "12",
    "#id_adults": "14",
    "#id_children": "9",
    "#id_distinct_parents": "11",
    "#id_families": "9",
    "#id_average_attendance": "31",
    "#id_paid_facilitators": "1",
    "#id_volunteer_facilitators": "2",
    "#id_partners": "PMI de Roubaix, médiathèque",
    "#id_appraisal": "Les parents reviennent d'une séance à l'autre et en amènent d'autres.",
  };
  for (const [field, value] of Object.entries(figures)) await page.fill(field, value);
  await submit("button[name=transmettre]");
  const refused = await look("refus");
  refused.errorLinks = await page.locator("[role=alert] a").evaluateAll((links) =>
    links.map((a) => a.getAttribute("href")),
  );

  await page.fill("#id_average_attendance", "8,5");
  await submit("button[name=transmettre]");
  await look("transmis");
  await page.goto(link);
  await look("relecture");
} catch (error) {
  steps.push({ name: "erreur", url: page.url(), error: String(error) });
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(steps));
