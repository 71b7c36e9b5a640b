// End-to-end tests of runs as documents and their sharing (issue 21) in a real browser against the real
// app: a completed run renamed and tagged, found by the runs list's search and tag filter; a public link
// made in the Share dialog and opened signed out (results, chart and trades; no code, nothing of the
// account), then with the code included; the link revoked (its page says it does not work); the HTML
// report downloaded (no script, charts as SVG). Screenshots (prefixed "sh") of the run page with the
// dialog and of the shared page at 1440 px and 390 px, in English and Korean.
//   BASE_URL=http://localhost:8080 node e2e/share.mjs
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ARTIFACTS, BASE_URL, expect, expectNoSidewaysScroll, openHarness } from "./harness.mjs";

/** A run is picked up within the queue's poll interval (5 s). */
const JOB_TIMEOUT = 120_000;

const { stamp, user, browser, context, page, watch, test, shot, finish, openPhone } = await openHarness({
  userPrefix: "sh",
  shotPrefix: "sh",
  settleMs: 400,
});

const CODE = `# SMA crossover
param fast = 10 in 2..50 step 1
param slow = 30 in 5..100 step 1
long_entry = crossover(sma(close, fast), sma(close, slow))
long_exit = crossunder(sma(close, fast), sma(close, slow))
`;
const NAME = `Crossover study ${stamp}`;
const TAG = `swing-${stamp}`;
const NOTES = `private notes ${stamp}`;

/** The window as the trader sees it, an open dialog over the page (the harness's shots are the full page). */
async function windowShot(p, name) {
  await p.waitForTimeout(400);
  await p.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** Switches the signed-in page's language through the header's switch. */
async function switchLanguage(p, name, lang) {
  await p.getByTestId("language-switch").click();
  await p.getByRole("menuitemradio", { name }).click();
  await p.waitForFunction((code) => document.documentElement.lang === code, lang);
}

/** A signed-out browser (no cookie of the owner's) at the given size and language. */
async function signedOut(width, locale) {
  const visitor = await browser.newContext({
    viewport: { width, height: width < 500 ? 844 : 900 },
    deviceScaleFactor: width < 500 ? 2 : 1,
    locale,
    timezoneId: "Asia/Seoul",
  });
  const p = await visitor.newPage();
  watch(p);
  return { visitor, p };
}

/** Fails when the page shows anything of the owner's account or of the run's private notes and tags. */
async function expectNothingOfTheAccount(p) {
  const text = await p.locator("body").innerText();
  for (const secret of [user.username, user.email, NOTES, TAG]) {
    expect(!text.includes(secret), `the shared page shows "${secret}"`);
  }
}

console.log(`e2e (share) against ${BASE_URL}`);

let runId = "";
let runUrl = "";
await test("sign up, make a strategy and two completed runs through the API", async () => {
  const registered = await context.request.post(`${BASE_URL}/api/v1/auth/register`, { data: user });
  expect(registered.status() === 201, `register answered ${registered.status()}`);
  const headers = { Authorization: `Bearer ${(await registered.json()).access_token}` };
  const created = await context.request.post(`${BASE_URL}/api/v1/strategies`, {
    data: { name: "SMA share", code: CODE, is_public: false },
    headers,
  });
  expect(created.status() === 201, `create strategy answered ${created.status()}: ${await created.text()}`);
  const strategyId = (await created.json()).id;
  const ids = [];
  for (const end of ["2013-12-31", "2013-09-30"]) {
    const run = await context.request.post(`${BASE_URL}/api/v1/backtests`, {
      data: {
        strategy_id: strategyId,
        symbol: "AAPL",
        interval: "1d",
        start_date: "2013-01-02",
        end_date: end,
        initial_capital: 10000,
        parameters: { fast: 10, slow: 30 },
      },
      headers,
    });
    expect(run.status() === 202, `create run answered ${run.status()}: ${await run.text()}`);
    ids.push((await run.json()).id);
  }
  runId = ids[0];
  runUrl = `${BASE_URL}/backtests/${runId}`;
});

await test("rename a run, note and tag it; the runs list finds it by search and by tag", async () => {
  await page.goto(runUrl);
  await page.getByTestId("run-completed").waitFor({ timeout: JOB_TIMEOUT });
  await page.getByTestId("rename-run").click();
  await page.getByTestId("run-name-input").fill(NAME);
  await page.getByTestId("run-name-input").press("Enter");
  await page.getByTestId("run-name").getByText(NAME, { exact: true }).waitFor();

  await page.getByTestId("edit-notes").click();
  await page.getByTestId("run-notes-input").fill(NOTES);
  await page.getByTestId("save-notes").click();
  await page.getByTestId("run-notes-text").getByText(NOTES).waitFor();

  await page.getByTestId("run-tag-input").fill(`  ${TAG}  `);
  await page.getByTestId("run-tag-input").press("Enter");
  await page.getByTestId("run-tag").getByText(TAG, { exact: true }).waitFor();
  await page.reload();
  await page.getByTestId("run-name").getByText(NAME, { exact: true }).waitFor();
  await page.getByTestId("run-tag").getByText(TAG, { exact: true }).waitFor();

  await page.goto(`${BASE_URL}/backtests`);
  const links = page.getByTestId("run-link");
  await links.nth(1).waitFor();
  expect((await links.count()) === 2, `the list shows ${await links.count()} runs before filtering, not 2`);

  await page.getByTestId("runs-search").fill(`study ${stamp}`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="run-link"]').length === 1);
  expect((await links.first().innerText()).trim() === NAME, `the search found ${await links.first().innerText()}`);
  expect(new URL(page.url()).searchParams.get("q") === `study ${stamp}`, `the search is not in the address: ${page.url()}`);
  await page.getByTestId("runs-search").fill("");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="run-link"]').length === 2);

  await page.getByTestId("runs-tag-filter").fill(TAG.toUpperCase());
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="run-link"]').length === 1);
  expect((await links.first().innerText()).trim() === NAME, `the tag filter kept ${await links.first().innerText()}`);
  await page.getByTestId("run-tags").getByText(TAG).first().waitFor();

  await page.getByTestId("runs-search").fill(`nothing-like-this-${stamp}`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="run-link"]').length === 0);
});

let shareUrl = "";
await test("the Share dialog makes a public link; signed out it shows the results without code or account", async () => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(runUrl);
  await page.getByTestId("run-completed").waitFor({ timeout: JOB_TIMEOUT });
  await page.getByTestId("share-run").click();
  const dialog = page.getByTestId("share-dialog");
  await dialog.waitFor();
  expect(!(await page.getByTestId("share-include-code").isChecked()), "include code is on before the link exists");
  await page.getByTestId("share-create").click();
  await page.getByTestId("share-url").waitFor();
  shareUrl = await page.getByTestId("share-url").inputValue();
  expect(shareUrl.startsWith(`${BASE_URL}/shared?token=`), `not a share link: ${shareUrl}`);
  expect(!(await page.getByTestId("share-include-code").isChecked()), "a new link includes the code");
  await windowShot(page, "sh01-run-share-dialog-1440-en");

  const { visitor, p } = await signedOut(1440, "en-US");
  await p.goto(shareUrl);
  await p.getByTestId("shared-run").waitFor();
  expect((await p.getByTestId("shared-name").innerText()).trim() === NAME, "the shared page does not show the run's name");
  await p.getByTestId("metric-cards").waitFor();
  await p.locator('[data-testid="equity-chart"] .recharts-line path').first().waitFor();
  await p.getByTestId("trades").locator("tbody tr").first().waitFor();
  await p.getByTestId("shared-no-code").waitFor();
  expect((await p.getByTestId("run-code").count()) === 0, "the code is shown though include code is off");
  expect(!(await p.locator("body").innerText()).includes("crossover(sma(close, fast)"), "the shared page shows the code");
  for (const owner of ["rename-run", "run-notes", "share-run", "delete-run", "rerun", "user-menu"]) {
    expect((await p.getByTestId(owner).count()) === 0, `the shared page offers the owner's ${owner}`);
  }
  await expectNothingOfTheAccount(p);
  await shot(p, "sh02-shared-1440-en");
  await visitor.close();
});

await test("with include code ticked the shared page shows the code", async () => {
  await page.getByTestId("share-include-code").click();
  await page.locator('[data-testid="share-include-code"][data-state="checked"]').waitFor();
  expect((await page.getByTestId("share-url").inputValue()) === shareUrl, "ticking include code changed the link");

  const { visitor, p } = await signedOut(1440, "en-US");
  await p.goto(shareUrl);
  await p.getByTestId("run-code").getByText("long_entry = crossover(sma(close, fast), sma(close, slow))").waitFor();
  expect((await p.getByTestId("shared-no-code").count()) === 0, "the page still says the code is not shared");
  await expectNothingOfTheAccount(p);
  await visitor.close();
});

await test("the run page with the dialog and the shared page in Korean at 1440 px and on a 390 px phone", async () => {
  await page.keyboard.press("Escape");
  await page.getByTestId("share-dialog").waitFor({ state: "detached" });
  await switchLanguage(page, "한국어", "ko");
  await page.getByTestId("share-run").click();
  await page.getByTestId("share-dialog").getByText("링크 해제").waitFor();
  await windowShot(page, "sh03-run-share-dialog-1440-ko");
  await page.keyboard.press("Escape");
  await page.getByTestId("share-dialog").waitFor({ state: "detached" });

  const { visitor, p } = await signedOut(1440, "ko-KR");
  await p.goto(shareUrl);
  await p.getByTestId("run-code").waitFor();
  await p.getByTestId("trades").locator("tbody tr").first().waitFor();
  expect((await p.evaluate(() => document.documentElement.lang)) === "ko", "a Korean browser opened the shared page in English");
  await shot(p, "sh04-shared-1440-ko");
  await visitor.close();

  for (const [locale, lang] of [
    ["ko-KR", "ko"],
    ["en-US", "en"],
  ]) {
    const phone = await signedOut(390, locale);
    await phone.p.goto(shareUrl);
    await phone.p.getByTestId("trades").locator("tbody tr").first().waitFor();
    await phone.p.getByTestId("run-code").waitFor();
    await expectNoSidewaysScroll(phone.p, `the shared page (${lang})`);
    await shot(phone.p, `sh05-shared-390-${lang}`);
    await windowShot(phone.p, `sh05-shared-390-${lang}-top`);
    await phone.visitor.close();
  }

  const { phone, mobile } = await openPhone(`/backtests/${runId}`);
  await mobile.getByTestId("run-completed").waitFor({ timeout: JOB_TIMEOUT });
  for (const [name, lang] of [
    ["한국어", "ko"],
    ["English", "en"],
  ]) {
    if ((await mobile.evaluate(() => document.documentElement.lang)) !== lang) await switchLanguage(mobile, name, lang);
    await mobile.getByTestId("share-run").click();
    await mobile.getByTestId("share-url").waitFor();
    await expectNoSidewaysScroll(mobile, `the run page with the Share dialog (${lang})`);
    await windowShot(mobile, `sh06-run-share-dialog-390-${lang}`);
    await mobile.keyboard.press("Escape");
    await mobile.getByTestId("share-dialog").waitFor({ state: "detached" });
  }
  await phone.close();
  await switchLanguage(page, "English", "en");
});

await test("the HTML report downloads as one file: HTML with SVG charts and no script", async () => {
  await page.goto(runUrl);
  await page.getByTestId("run-completed").waitFor({ timeout: JOB_TIMEOUT });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-report").click()]);
  expect(download.suggestedFilename() === `${NAME}-report.html`, `the report is named ${download.suggestedFilename()}`);
  const html = await readFile(await download.path(), "utf8");
  expect(/^<!doctype html>/i.test(html.trimStart()), "the report is not an HTML document");
  expect(html.includes("<svg"), "the report has no SVG chart");
  expect(!/<script/i.test(html), "the report contains a script");
  expect(html.includes(NAME), "the report does not carry the run's name");
  expect(html.includes(NOTES), "the report does not carry the owner's notes");
});

await test("a revoked link stops working: the shared page says so", async () => {
  await page.getByTestId("share-run").click();
  await page.getByTestId("share-revoke").click();
  await page.getByTestId("confirm-action").click();
  await page.getByTestId("share-create").waitFor();

  const { visitor, p } = await signedOut(1440, "en-US");
  await p.goto(shareUrl);
  await p.getByText("This link does not work").waitFor();
  expect((await p.getByTestId("shared-run").count()) === 0, "the revoked link still shows the run");
  await expectNothingOfTheAccount(p);
  await shot(p, "sh07-shared-revoked-1440-en");
  await visitor.close();

  const token = new URL(shareUrl).searchParams.get("token");
  const api = await fetch(`${BASE_URL}/api/v1/shared/${encodeURIComponent(token)}`);
  expect(api.status === 404, `the revoked token answered ${api.status}`);
});

await finish("share-results.json", "share");
