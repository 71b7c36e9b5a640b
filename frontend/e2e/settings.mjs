// End-to-end tests of the settings page (issue 21) in a real browser against the real app: the display
// name in the header, the up/down colour convention on candles and P&L cells, an API key shown once,
// used from Node and revoked, the language applied on sign-in, and default costs prefilling the run
// form. scripts/e2e.sh runs it with BASE_URL set; screenshots go to e2e/artifacts/ (prefixed "s"), at
// 1360 px in English and Korean and at 390 px (a Korean phone, dark).
//   BASE_URL=http://localhost:8080 node e2e/settings.mjs
import { BASE_URL, expect, expectNoSidewaysScroll, heading, openHarness } from "./harness.mjs";

/** A run is picked up within the queue's poll interval (5 s). */
const JOB_TIMEOUT = 120_000;

const { user, browser, context, page, watch, test, shot, finish, openPhone } = await openHarness({
  userPrefix: "st",
  shotPrefix: "s",
  settleMs: 400,
});

const CODE = `# SMA crossover
param fast = 10 in 2..50 step 1
param slow = 30 in 5..100 step 1
long_entry = crossover(sma(close, fast), sma(close, slow))
long_exit = crossunder(sma(close, fast), sma(close, slow))
`;

/** Picks an option of a select, and waits for the list to close. */
async function selectOption(p, trigger, name) {
  await trigger.click();
  await p.getByRole("option", { name, exact: true }).click();
  await p.getByRole("listbox").waitFor({ state: "detached" });
}

/** `rgb(a)(r, g, b…)` as numbers. */
function channels(colour) {
  const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour ?? "");
  expect(match, `not an rgb colour: ${colour}`);
  return { r: Number(match[1]), g: Number(match[2]), b: Number(match[3]) };
}

const isRed = ({ r, g, b }) => r > g + 60 && r > b + 40;
const isGreen = ({ r, g, b }) => g > r + 30 && g > b;

/** The colour a positive P&L cell of the trades table is drawn in, and the candles' up colour. */
async function upColours(p) {
  const cell = p.locator('[data-testid="trades"] td .text-gain').first();
  await cell.waitFor();
  const pnl = await cell.evaluate((element) => getComputedStyle(element).color);
  const chart = p.locator("[data-up-colour]").first();
  await chart.waitFor();
  const candle = await chart.getAttribute("data-up-colour");
  return { pnl: channels(pnl), candle: channels(candle) };
}

console.log(`e2e (settings) against ${BASE_URL}`);

let token = "";
let runUrl = "";
await test("sign up, make a strategy and a completed run through the API", async () => {
  const registered = await context.request.post(`${BASE_URL}/api/v1/auth/register`, { data: user });
  expect(registered.status() === 201, `register answered ${registered.status()}`);
  token = (await registered.json()).access_token;
  const headers = { Authorization: `Bearer ${token}` };
  const created = await context.request.post(`${BASE_URL}/api/v1/strategies`, {
    data: { name: "SMA colours", code: CODE, is_public: false },
    headers,
  });
  expect(created.status() === 201, `create strategy answered ${created.status()}: ${await created.text()}`);
  const run = await context.request.post(`${BASE_URL}/api/v1/backtests`, {
    data: {
      strategy_id: (await created.json()).id,
      symbol: "AAPL",
      interval: "1d",
      start_date: "2013-01-02",
      end_date: "2013-12-31",
      initial_capital: 10000,
      parameters: { fast: 10, slow: 30 },
    },
    headers,
  });
  expect(run.status() === 202, `create run answered ${run.status()}: ${await run.text()}`);
  runUrl = `${BASE_URL}/backtests/${(await run.json()).id}`;
});

await test("the settings page is in the nav and the user menu; a display name shows in the header", async () => {
  await page.goto(`${BASE_URL}/dashboard`);
  await page.getByTestId("user-menu").click();
  await page.getByTestId("user-menu-settings").click();
  await heading(page, "Settings").waitFor();
  expect(page.url().endsWith("/settings"), `the user menu opened ${page.url()}`);
  await page.getByRole("link", { name: "Settings" }).first().waitFor();
  await page.getByLabel("Display name").fill("  Kim Trader  ");
  await page.getByTestId("profile-save").click();
  await page.getByTestId("user-name").getByText("Kim Trader", { exact: true }).waitFor();
  await page.reload();
  await page.getByTestId("user-name").getByText("Kim Trader", { exact: true }).waitFor();
  expect((await page.getByLabel("Display name").inputValue()) === "Kim Trader", "the saved name was not trimmed");
});

await test("an API key is shown once, works with X-API-Key, and stops working when revoked", async () => {
  await page.getByLabel("Name").fill("notebook");
  await page.getByTestId("api-key-create").click();
  const dialog = page.getByTestId("created-key-dialog");
  await dialog.waitFor();
  await dialog.getByText("it will not be shown again", { exact: false }).waitFor();
  const key = await dialog.getByTestId("created-key").inputValue();
  expect(/^tb_[0-9a-f]{8}_/.test(key), `not a key: ${key}`);
  await shot(page, "s03-api-key-created-1360");

  const me = await fetch(`${BASE_URL}/api/v1/auth/me`, { headers: { "X-API-Key": key } });
  expect(me.status === 200, `the new key answered ${me.status}`);
  expect((await me.json()).username === user.username, "the key acts as someone else");

  await dialog.getByRole("button", { name: "I have copied it" }).click();
  await dialog.waitFor({ state: "detached" });
  const row = page.getByTestId("api-key-row").filter({ hasText: "notebook" });
  await row.waitFor();
  expect(!(await page.content()).includes(key), "the secret is still on the page after the dialog closed");
  const list = await context.request.get(`${BASE_URL}/api/v1/api-keys`, { headers: { Authorization: `Bearer ${token}` } });
  expect(!(await list.text()).includes(key), "the key list returns the secret");

  await row.getByTestId("api-key-revoke").click();
  await page.getByRole("button", { name: "Revoke key" }).click();
  await page.locator('[data-testid="api-key-row"][data-state="revoked"]').waitFor();
  const after = await fetch(`${BASE_URL}/api/v1/auth/me`, { headers: { "X-API-Key": key } });
  expect(after.status === 401, `the revoked key answered ${after.status}`);
});

await test("default costs prefill the run form's custom costs", async () => {
  await page.goto(`${BASE_URL}/settings`);
  await heading(page, "Settings").waitFor();
  await page.getByRole("switch", { name: "Start new backtests from my costs" }).click();
  const form = page.getByTestId("default-costs-form");
  await selectOption(page, page.getByTestId("default-costs-preset"), "KRX stock");
  await form.getByLabel("Commission").fill("0.01");
  await form.getByLabel("Sell tax").fill("0.18");
  await form.getByLabel("Slippage (ticks)").fill("2");
  await page.getByTestId("default-costs-save").click();
  await page.getByText("Saved.").first().waitFor();
  await shot(page, "s01-settings-1360-en");

  await page.goto(`${BASE_URL}/backtests/new`);
  await heading(page, "New backtest").waitFor();
  await page.getByRole("tab", { name: "Custom", selected: true }).waitFor();
  expect((await page.locator('input[name="commission_rate"]').inputValue()) === "0.01", "commission not prefilled");
  expect((await page.locator('input[name="sell_tax_rate"]').inputValue()) === "0.18", "sell tax not prefilled");
  expect((await page.locator('input[name="slippage_ticks"]').inputValue()) === "2", "slippage ticks not prefilled");
});

await test("in Korean, candles and a positive P&L are red; switched to green-up they are green", async () => {
  await page.goto(runUrl);
  await page.getByTestId("run-completed").waitFor({ timeout: JOB_TIMEOUT });
  const english = await upColours(page);
  expect(isGreen(english.pnl) && isGreen(english.candle), `English is not green up: ${JSON.stringify(english)}`);

  await page.goto(`${BASE_URL}/settings`);
  await selectOption(page, page.getByTestId("settings-language"), "한국어");
  await heading(page, "설정").waitFor();
  const swatch = await page.getByTestId("colour-preview-up").evaluate((element) => getComputedStyle(element).color);
  expect(isRed(channels(swatch)), `the Korean preview is not red up: ${swatch}`);
  await shot(page, "s02-settings-1360-ko");

  await page.goto(runUrl);
  await page.getByTestId("run-completed").waitFor({ timeout: JOB_TIMEOUT });
  const korean = await upColours(page);
  expect(isRed(korean.pnl) && isRed(korean.candle), `Korean is not red up: ${JSON.stringify(korean)}`);
  await shot(page, "s04-run-red-up-1360-ko");

  await page.goto(`${BASE_URL}/settings`);
  await selectOption(page, page.getByTestId("settings-colours"), "상승 초록, 하락 빨강");
  await page.goto(runUrl);
  await page.getByTestId("run-completed").waitFor({ timeout: JOB_TIMEOUT });
  const green = await upColours(page);
  expect(isGreen(green.pnl) && isGreen(green.candle), `green-up is not green: ${JSON.stringify(green)}`);
});

await test("signing in elsewhere applies the saved language and colours", async () => {
  const other = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: "en-US", timezoneId: "Asia/Seoul" });
  const p = await other.newPage();
  watch(p);
  await p.goto(`${BASE_URL}/login`);
  await p.getByLabel("Email or username").fill(user.username);
  await p.getByLabel("Password").fill(user.password);
  await p.getByRole("button", { name: "Log in" }).click();
  await p.waitForFunction(() => document.documentElement.lang === "ko");
  expect(
    (await p.evaluate(() => document.documentElement.getAttribute("data-updown"))) === "green-up",
    "the saved colours were not applied",
  );
  await p.getByTestId("user-name").getByText("Kim Trader", { exact: true }).waitFor();
  await other.close();
});

await test("the settings page on a phone (Korean, dark)", async () => {
  const { phone, mobile } = await openPhone("/settings");
  await heading(mobile, "설정").waitFor();
  await mobile.getByTestId("api-key-row").first().waitFor();
  await expectNoSidewaysScroll(mobile, "the settings page");
  await shot(mobile, "s05-settings-390-ko-dark");
  await phone.close();
});

await finish("settings-results.json", "settings");
