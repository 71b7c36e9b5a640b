// End-to-end tests of strategy versions, drafts and the unsaved-changes guard in a real browser (Debian's
// Chromium driven by playwright-core) against the real app: leaving the editor with edits asks first,
// code with errors saves as a draft that says it cannot run, every save that changes the code is a
// version with a diff in the history, a restore makes a new version, and a run links to the version it
// ran. scripts/e2e.sh runs it with BASE_URL set; screenshots go to e2e/artifacts/ (prefixed "v").
//   BASE_URL=http://localhost:8080 node e2e/versions.mjs
import { BASE_URL, expect, expectNoSidewaysScroll, openHarness } from "./harness.mjs";

const { user, context, page, test, shot, finish, openPhone } = await openHarness({ userPrefix: "ver", shotPrefix: "v", settleMs: 300 });

const V1 = `param fast = 10 in 2..50 step 1
param slow = 30 in 5..100 step 1
long_entry = crossover(sma(close, fast), sma(close, slow))
long_exit = crossunder(sma(close, fast), sma(close, slow))
`;
const V2 = `param fast = 12 in 2..50 step 1
param slow = 40 in 5..100 step 1
trend = close > sma(close, 200)
long_entry = crossover(ema(close, fast), ema(close, slow)) and trend
long_exit = crossunder(ema(close, fast), ema(close, slow))
`;
const BROKEN = `${V1}long_exit = close < smaa(close, 5)\n`;

let token = "";
let strategyId = "";
let strategyUrl = "";

const authed = () => ({ Authorization: `Bearer ${token}` });
const editorLines = (p) => p.locator('[data-testid="code-editor"] .monaco-editor .view-lines');

/** Replaces the editor's code, as one edit (a paste), and waits for the compiler's verdict. */
async function replaceCode(p, code, state) {
  await editorLines(p).click();
  await p.keyboard.press("ControlOrMeta+A");
  await p.keyboard.insertText(code);
  await p.keyboard.press("Escape");
  await p.locator(`[data-testid="validation-status"][data-state="${state}"]`).waitFor();
}

/** The code of one of the strategy's versions, through the API. */
async function versionCode(number) {
  const response = await context.request.get(`${BASE_URL}/api/v1/strategies/${strategyId}/versions/${number}`, { headers: authed() });
  expect(response.status() === 200, `version ${number} answered ${response.status()}`);
  return (await response.json()).code;
}

console.log(`e2e (versions) against ${BASE_URL}`);

await test("a strategy made through the API opens at v1", async () => {
  const registered = await context.request.post(`${BASE_URL}/api/v1/auth/register`, { data: user });
  expect(registered.status() === 201, `register answered ${registered.status()}`);
  token = (await registered.json()).access_token;
  const created = await context.request.post(`${BASE_URL}/api/v1/strategies`, {
    data: { name: "Versioned SMA", code: V1 },
    headers: authed(),
  });
  expect(created.status() === 201, `create strategy answered ${created.status()}: ${await created.text()}`);
  strategyId = (await created.json()).id;
  strategyUrl = `${BASE_URL}/strategies/${strategyId}`;
  await page.goto(strategyUrl);
  await editorLines(page).filter({ hasText: "crossover" }).waitFor();
  await page.getByText(/^v1 · Last saved/).waitFor();
});

await test("an edit, then a sidebar link: the prompt appears and Keep editing keeps the edit", async () => {
  await editorLines(page).click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.insertText("\n# keep me");
  await page.keyboard.press("Escape");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Market data" }).click();
  const dialog = page.getByRole("dialog", { name: "You have unsaved changes" });
  await dialog.waitFor();
  await shot(page, "v01-unsaved-prompt");
  await dialog.getByRole("button", { name: "Keep editing" }).click();
  await dialog.waitFor({ state: "hidden" });
  expect(page.url() === strategyUrl, `stayed on the strategy, not ${page.url()}`);
  await editorLines(page).filter({ hasText: "# keep me" }).waitFor();

  // The back button asks too; "Don't save" then leaves.
  await page.goBack();
  await dialog.waitFor();
  expect(page.url() === strategyUrl, `the back button waited for an answer, at ${page.url()}`);
  await dialog.getByRole("button", { name: "Keep editing" }).click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Market data" }).click();
  await dialog.getByRole("button", { name: "Don't save" }).click();
  await page.waitForURL(`${BASE_URL}/data`);
});

await test("code with errors saves as a draft that says it cannot run, and is offered on the next visit", async () => {
  await page.goto(strategyUrl);
  await editorLines(page).filter({ hasText: "crossover" }).waitFor();
  await replaceCode(page, BROKEN, "invalid");
  await page.getByTestId("save-strategy").click();
  const notice = page.getByTestId("draft-notice");
  await notice.getByText("Draft: it has errors and cannot run").waitFor();
  await page.getByTestId("code-errors").getByText(/smaa/).first().waitFor();
  expect((await versionCode(1)) === V1, "a draft makes no version");
  await shot(page, "v02-draft-saved");

  await page.goto(strategyUrl);
  const offer = page.getByTestId("draft-offer");
  await offer.getByText("There is an unsaved draft").waitFor();
  await offer.getByRole("button", { name: "Load" }).click();
  await editorLines(page).filter({ hasText: "smaa" }).waitFor();
  await notice.waitFor();
  // Saving valid code supersedes the draft: back to v1's code, which makes no version.
  await replaceCode(page, V1, "valid");
  await page.getByTestId("save-strategy").click();
  await page.getByText("Strategy saved").first().waitFor();
  await notice.waitFor({ state: "hidden" });
  await page.goto(strategyUrl);
  await editorLines(page).filter({ hasText: "crossover" }).waitFor();
  expect((await page.getByTestId("draft-offer").count()) === 0, "no draft is offered once valid code was saved");
});

await test("saving changed code makes v2; the history shows the diff; restoring v1 makes v3 with v1's code", async () => {
  await replaceCode(page, V2, "valid");
  await page.getByTestId("version-note").fill("EMA with a trend filter");
  await page.getByTestId("save-strategy").click();
  await page.getByText(/^v2 · Last saved/).waitFor();

  const history = page.getByTestId("strategy-history");
  await history.getByTestId("version-2").getByText("EMA with a trend filter").waitFor();
  await history.getByTestId("version-2").getByText("Current").waitFor();
  // v2 opens against v1: Monaco's diff editor marks the inserted and the removed lines.
  await history.locator(".monaco-diff-editor").waitFor();
  await history.locator(".monaco-diff-editor .line-insert").first().waitFor();
  await history.locator(".monaco-diff-editor .line-delete").first().waitFor();
  await shot(page, "v03-history-diff-en");

  await history.getByTestId("version-1").click();
  await history.getByTestId("restore-version").click();
  const confirm = page.getByRole("dialog", { name: "Restore v1?" });
  await confirm.getByText(/as a new version \(v3\)/).waitFor();
  await confirm.getByRole("button", { name: "Restore this version" }).click();
  await page.getByText("Restored v1 as v3").waitFor();
  await history.getByTestId("version-3").getByText("Restored from v1").waitFor();
  await history.getByTestId("version-3").getByText("Current").waitFor();
  await page.getByText(/^v3 · Last saved/).waitFor();
  await editorLines(page).filter({ hasText: "crossover(sma(close, fast)" }).waitFor();
  expect((await versionCode(3)) === V1, "v3 holds v1's code");
  expect((await versionCode(2)) === V2, "v2 is unchanged");
});

await test("the history in Korean", async () => {
  await page.getByTestId("language-switch").click();
  await page.getByRole("menuitemradio", { name: "한국어" }).click();
  const history = page.getByTestId("strategy-history");
  await history.getByText("v1에서 복원").waitFor();
  await history.getByTestId("version-2").click();
  await history.locator(".monaco-diff-editor .line-insert").first().waitFor();
  await shot(page, "v04-history-diff-ko");
  await page.getByTestId("language-switch").click();
  await page.getByRole("menuitemradio", { name: "English" }).click();
  await history.getByText("Restored from v1").waitFor();
});

let runUrl = "";
await test("a run's page links to the version it ran and says when the strategy changed since", async () => {
  const started = await context.request.post(`${BASE_URL}/api/v1/backtests`, {
    data: {
      strategy_id: strategyId,
      symbol: "AAPL",
      interval: "1d",
      start_date: "2013-01-01",
      end_date: "2013-12-31",
      initial_capital: 10000,
    },
    headers: authed(),
  });
  expect(started.status() === 202, `run answered ${started.status()}: ${await started.text()}`);
  runUrl = `${BASE_URL}/backtests/${(await started.json()).id}`;
  await page.goto(runUrl);
  const version = page.getByTestId("run-strategy-version");
  await version.getByRole("link", { name: "v3" }).waitFor();
  expect((await page.getByTestId("run-strategy-changed").count()) === 0, "not edited since yet");

  const saved = await context.request.put(`${BASE_URL}/api/v1/strategies/${strategyId}`, {
    data: { name: "Versioned SMA", code: V2, note: "back to EMA" },
    headers: authed(),
  });
  expect((await saved.json()).version === 4, "the PUT made v4");
  await page.reload();
  await page.getByTestId("run-strategy-changed").getByText("edited since").waitFor();
  await shot(page, "v05-run-version");

  await version.getByRole("link", { name: "v3" }).click();
  await page.waitForURL(/\/strategies\/[0-9a-f-]{36}\?version=3/);
  await page.getByTestId("version-3").and(page.locator('[aria-pressed="true"]')).waitFor();
});

await test("the history with a diff on a phone, in Korean and English, without sideways scrolling", async () => {
  const { phone, mobile } = await openPhone(`/strategies/${strategyId}?version=4`);
  const history = mobile.getByTestId("strategy-history");
  await history.getByText("back to EMA").waitFor();
  await history.locator(".monaco-diff-editor .line-insert").first().waitFor();
  await expectNoSidewaysScroll(mobile, "the strategy page with its history");
  await shot(mobile, "v06-history-phone-ko");
  await mobile.getByTestId("language-switch").click();
  await mobile.getByRole("menuitemradio", { name: "English" }).click();
  await history.getByText("Restored from v1").waitFor();
  await expectNoSidewaysScroll(mobile, "the strategy page with its history in English");
  await shot(mobile, "v07-history-phone-en");
  await phone.close();
});

await finish("versions-results.json", "versions browser tests");
