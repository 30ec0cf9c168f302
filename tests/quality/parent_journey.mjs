// A parent's journey in headless Chromium at 360 and 1280 px: home -> near-me search ->
// action page; a commune without a section; a search with no result. Prints a JSON report.
// Usage: node tests/quality/parent_journey.mjs http://127.0.0.1:8000
import { chromium } from "playwright-core";

const base = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const report = [];
const wider = (page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
const text = (locator) => locator.innerText();
for (const width of [360, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 740 } });
  const step = { width };
  await page.goto(base + "/");
  await page.fill("#near-me-lieu", "Roubaix");
  await page.selectOption("#near-me-rayon", "10");
  await page.fill("#near-me-age", "14");
  await Promise.all([page.waitForNavigation(), page.click(".near-me__form button")]);
  const count = page.locator("#results-title");
  const first = page.locator(".result-list h3 a").first();
  step.resultsUrl = page.url();
  step.count = (await text(count)).replace(/\s+/g, " ").trim();
  step.countTop = (await count.boundingBox()).y;
  step.firstTitle = await text(first);
  step.firstTop = (await first.boundingBox()).y;
  step.viewportHeight = 740;
  step.resultsWider = await wider(page);
  await Promise.all([page.waitForNavigation(), first.click()]);
  step.actionTitle = await text(page.locator("h1"));
  step.actionWider = await wider(page);

  await page.goto(base + "/annuaire/?lieu=Lyon&rayon=10&age=14");
  step.lyon = (await text(page.locator(".directory-results"))).replace(/\s+/g, " ");
  step.lyonWider = await wider(page);

  await page.goto(base + "/annuaire/?q=zzzz");
  step.zero = (await text(page.locator(".directory-results"))).replace(/\s+/g, " ");
  step.zeroWider = await wider(page);
  report.push(step);
  await page.close();
}
await browser.close();
process.stdout.write(JSON.stringify(report));
