// Screenshots of the parents' and coordinators' journeys at 360 and 1280 px (make screenshots).
// Usage: node screenshots.mjs BASE_URL OUTPUT_DIR ADMIN_EDIT_PATH ; headless Chromium (Debian).
// Pages reached by a link (an action, a lieu, an event) are opened from the lists that show them.
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const [base, output, adminEditPath] = process.argv.slice(2);
const password = process.env.DEMO_PASSWORD || "parentalite-demo";
const month = new Date().toISOString().slice(0, 7);
// [file name, path, optional selector of the link to follow from that page]
const JOURNEYS = [
  ["01-accueil", "/"],
  ["02-annuaire-roubaix-10km-14ans", "/nord/annuaire/?lieu=Roubaix&rayon=10&age=14"],
  ["03-action", "/nord/annuaire/?lieu=Roubaix&rayon=10&age=14", ".result h3 a"],
  ["04-lieu-ressource", "/nord/annuaire/?contenu=lieux", ".result h3 a"],
  ["05-lyon", "/annuaire/?lieu=Lyon&rayon=10"],
  ["06-aucun-resultat", "/nord/annuaire/?q=zzzz"],
  ["07-agenda-mois", `/nord/agenda/mois/${month}/`],
  ["08-evenement", "/nord/agenda/", ".agenda-item h3 a"],
  ["09-ressourcerie", "/nord/ressources/"],
  ["10-recherche", "/recherche/?q=parents"],
  ["12-agenda-parents", "/nord/agenda/?public=parents"],
  ["13-agenda-aucun-resultat", "/nord/agenda/?q=zzzz&public=parents"],
  ["14-ressourcerie-guides-parents", "/nord/ressources/?type=guide&public=parents"],
  ["15-ressourcerie-aucun-resultat", "/nord/ressources/?type=podcast&q=zzzz"],
  ["16-inscription", "/nord/inscription-accueillir-parole-parents/"],
  ["18-evenement-places", "/nord/agenda/formation-accueillir-parole-parents/"],
  ["20-lettre-inscription", "/lettre-d-information/?lettre=59"],
  ["21-lettre-archivee", "/lettre-d-information/archives/nord/", ".issue-list a"],
  ["22-alerte-agenda", "/nord/agenda/?public=parents", ".alert-link a"],
];
const REGISTRATION = "/nord/inscription-accueillir-parole-parents/";
// The porteurs' space, signed in as porteur-nord: [file name, path, optional link to follow].
const SPACE = [
  ["30-porteur-accueil", "/espace-porteurs/"],
  ["31-porteur-fiche", "/espace-porteurs/", ".space-record__link"],
  ["32-porteur-a-verifier", "/espace-porteurs/a-verifier/"],
  ["33-porteur-appels", "/espace-porteurs/appels-a-projets/"],
  ["34-porteur-bilans", "/espace-porteurs/bilans/"],
  ["35-porteur-bilan", "/espace-porteurs/bilans/", "main .space-record a"],
];
// The members' space: asked for anonymously, then signed in as membre-nord.
const MEMBERS_ANONYMOUS = [
  ["40-membre-demande", "/espace-membres/demande/"],
  ["41-membre-connexion", "/espace-membres/connexion/?next=/espace-membres/"],
  ["44-membre-mot-de-passe", "/espace-membres/mot-de-passe/"],
];
const MEMBERS = [
  ["42-membre-accueil", "/espace-membres/"],
  ["43-membre-page-reservee", "/espace-membres/", "main li a"],
];

mkdirSync(output, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
let failures = 0;
try {
  for (const width of [360, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const save = async (name) => {
      await page.screenshot({ path: `${output}/${name}-${width}.png`, fullPage: true });
      console.log(`${name}-${width}.png  ${page.url()}`);
    };
    for (const [name, path, follow] of JOURNEYS) {
      try {
        await page.goto(base + path);
        if (follow) {
          await Promise.all([page.waitForNavigation(), page.locator(follow).first().click()]);
        }
        await save(name);
      } catch (error) {
        failures += 1;
        console.error(`${name} @ ${width}px: ${error}`);
      }
    }
    try {
      await page.goto(base + REGISTRATION);
      await page.fill("input[name=registrant_name]", "Claire Exemple");
      await page.fill("input[name=registrant_email]", `claire.${width}@exemple.fr`);
      await page.fill("input[name=structure]", "Centre social de l'Alma");
      await page.locator("input[name=repas_du_midi]").first().check();
      await Promise.all([page.waitForNavigation(), page.locator("form.network-form button").click()]);
      await save("17-inscription-confirmation");
    } catch (error) {
      failures += 1;
      console.error(`registration @ ${width}px: ${error}`);
    }
    try {
      await page.goto(base + "/espace-porteurs/connexion/");
      await page.fill("#id_username", "porteur-nord");
      await page.fill("#id_password", password);
      await Promise.all([page.waitForNavigation(), page.click(".space-form button[type=submit]")]);
      for (const [name, path, follow] of SPACE) {
        await page.goto(base + path);
        if (follow) {
          await Promise.all([page.waitForNavigation(), page.locator(follow).first().click()]);
        }
        await save(name);
      }
      await context.clearCookies();
    } catch (error) {
      failures += 1;
      console.error(`porteurs' space @ ${width}px: ${error}`);
    }
    try {
      for (const [name, path] of MEMBERS_ANONYMOUS) {
        await page.goto(base + path);
        await save(name);
      }
      await page.goto(base + "/espace-membres/connexion/");
      await page.fill("#id_username", "membre-nord");
      await page.fill("#id_password", password);
      await Promise.all([page.waitForNavigation(), page.click(".space-form button[type=submit]")]);
      for (const [name, path, follow] of MEMBERS) {
        await page.goto(base + path);
        if (follow) {
          await Promise.all([page.waitForNavigation(), page.locator(follow).first().click()]);
        }
        await save(name);
      }
      await context.clearCookies();
    } catch (error) {
      failures += 1;
      console.error(`members' space @ ${width}px: ${error}`);
    }
    try {
      await page.goto(base + "/admin/login/", { waitUntil: "domcontentloaded" });
      await page.fill("input[name=username]", "coord-nord");
      await page.fill("input[name=password]", password);
      await Promise.all([
        page.waitForNavigation({ waitUntil: "domcontentloaded" }),
        page.locator("form button[type=submit]").first().click(),
      ]);
      // The edit form is slow to build (its commune list); the page is ready before the
      // avatars it may ask elsewhere (Gravatar) answer.
      await page.goto(base + adminEditPath, { waitUntil: "domcontentloaded", timeout: 300000 });
      await page.waitForTimeout(1000);
      await save("11-admin-modifier-action");
    } catch (error) {
      failures += 1;
      console.error(`admin @ ${width}px: ${error}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
process.exit(failures ? 1 : 0);
