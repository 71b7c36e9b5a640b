// End-to-end tests of the robustness lab (issue 20) in a real browser against the real app: Monte Carlo on
// a completed run, an optimisation with a 30% hold-out and its overfitting statistics, and a walk-forward
// of three windows. scripts/e2e.sh runs it after the others with BASE_URL set; screenshots go to
// e2e/artifacts/ (prefixed "r"), at 1440 px in English and Korean and at 390 px (a Korean phone, dark).
//   BASE_URL=http://localhost:8080 node e2e/robustness.mjs
import { BASE_URL, expect, expectNoSidewaysScroll, heading, openHarness } from "./harness.mjs";

/** Runs, optimisations and walk-forwards are picked up within the queue's poll interval (5 s). */
const JOB_TIMEOUT = 120_000;

const { user, context, page, test, shot, finish, openPhone } = await openHarness({ userPrefix: "rb", shotPrefix: "r", settleMs: 400 });
await page.setViewportSize({ width: 1440, height: 900 });

const CODE = `# SMA crossover
param fast = 10 in 2..50 step 1
param slow = 30 in 5..100 step 1
long_entry = crossover(sma(close, fast), sma(close, slow))
long_exit = crossunder(sma(close, fast), sma(close, slow))
`;
const GRID = { "fast.from": "5", "fast.to": "20", "fast.step": "5", "slow.from": "20", "slow.to": "60", "slow.step": "10" };

/** Types into a symbol combobox and picks the match with Enter, retrying when a closing select steals focus. */
async function pickSymbol(p, testId, symbol) {
  const input = p.getByTestId(testId);
  const option = p.getByRole("option", { name: new RegExp(`^${symbol.replace(/\./g, "\\.")}`) }).first();
  for (let attempt = 1; ; attempt++) {
    await input.click();
    await input.fill(symbol);
    await option.waitFor();
    await input.press("Enter");
    if ((await input.inputValue()) === symbol && (await input.getAttribute("aria-expanded")) !== "true") return;
    if (attempt === 3) throw new Error(`could not pick ${symbol}: the field shows "${await input.inputValue()}"`);
  }
}

/** Picks an option of a select, and waits for the list to close. */
async function selectOption(p, trigger, name) {
  await trigger.click();
  await p.getByRole("option", { name, exact: true }).click();
  await p.getByRole("listbox").waitFor({ state: "detached" });
}

/** The strategy, AAPL 2013 and the 20-combination grid, in the optimisation or walk-forward form. */
async function fillGrid(p) {
  await selectOption(p, p.getByTestId("optimize-strategy"), "SMA robust");
  await pickSymbol(p, "optimize-symbol", "AAPL");
  for (const [name, value] of Object.entries(GRID)) await p.locator(`[data-range="${name}"]`).fill(value);
  await p.getByTestId("grid-size").getByText("20 combinations").waitFor();
}

console.log(`e2e (robustness) against ${BASE_URL}`);

let token = "";
let strategyId = "";
let runUrl = "";
await test("sign up, make a strategy and a completed run through the API", async () => {
  const registered = await context.request.post(`${BASE_URL}/api/v1/auth/register`, { data: user });
  expect(registered.status() === 201, `register answered ${registered.status()}`);
  token = (await registered.json()).access_token;
  const headers = { Authorization: `Bearer ${token}` };
  const created = await context.request.post(`${BASE_URL}/api/v1/strategies`, {
    data: { name: "SMA robust", code: CODE, is_public: false },
    headers,
  });
  expect(created.status() === 201, `create strategy answered ${created.status()}: ${await created.text()}`);
  strategyId = (await created.json()).id;
  const run = await context.request.post(`${BASE_URL}/api/v1/backtests`, {
    data: {
      strategy_id: strategyId,
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
  await page.goto(runUrl);
  await page.getByTestId("run-completed").waitFor({ timeout: JOB_TIMEOUT });
});

await test("Monte Carlo on the run: the percentile table, the readings, the fan chart and the histograms", async () => {
  await page.getByTestId("run-tab-robustness").click();
  await page.getByTestId("mc-form").waitFor();
  expect((await page.getByTestId("mc-ruin").inputValue()) === "5000", "ruin equity not defaulted to half the capital");
  await page.getByTestId("mc-paths").fill("2000");
  await page.getByTestId("mc-seed").fill("7");
  await page.getByTestId("mc-start").click();
  await page.locator('[data-testid="mc-result"][data-status="completed"]').waitFor({ timeout: JOB_TIMEOUT });
  const table = await page.getByTestId("mc-percentiles").innerText();
  expect(/Max drawdown/.test(table) && /Your run/.test(table), `percentile table: ${table.slice(0, 300)}`);
  expect((await page.getByTestId("mc-seed-used").innerText()).includes("7"), "the seed asked for is not the one shown");
  await page.locator('[data-testid="mc-fan-chart"] .recharts-area').first().waitFor();
  await page.locator('[data-testid="mc-histogram-drawdown"] .recharts-bar-rectangle').first().waitFor();
  await page
    .getByTestId("mc-reading-drawdown")
    .getByText(/95% of the reshuffled paths kept the max drawdown above/)
    .waitFor();
  await page.getByTestId("mc-list").locator("li").first().waitFor();
  await shot(page, "r01-monte-carlo-1440");
});

await test("an optimisation holding out the last 30%: the DSR, PBO and plateau cards and the IS/OOS table", async () => {
  await page.goto(`${BASE_URL}/analytics?tab=optimize`);
  await fillGrid(page);
  await selectOption(page, page.getByTestId("optimize-oos-choice"), "The last N% of the bars");
  expect((await page.getByTestId("optimize-oos-percent").inputValue()) === "30", "the hold-out does not start at 30%");
  await page.getByTestId("start-optimization").click();
  await page.locator('[data-testid="optimization-view"][data-status="completed"]').waitFor({ timeout: JOB_TIMEOUT });
  await page.getByTestId("optimization-tab-robustness").click();
  await page.locator('[data-testid="optimization-robustness"][data-pending="false"]').waitFor({ timeout: JOB_TIMEOUT });
  for (const card of ["dsr-card", "pbo-card", "plateau-card"]) await page.getByTestId(card).waitFor();
  expect(
    /^\d+(\.\d)?%$/.test((await page.getByTestId("dsr-probability").locator("span").last().innerText()).trim()),
    "DSR not a percentage",
  );
  const rows = page.getByTestId("oos-table").locator("tbody tr");
  await rows.first().waitFor();
  expect((await rows.count()) === 10, `the IS/OOS table has ${await rows.count()} rows, not the top 10`);
  await page.locator('[data-testid="oos-equity"] .recharts-reference-area').first().waitFor();
  await shot(page, "r02-optimisation-robustness-1440");
});

let walkForwardUrl = "";
await test("a walk-forward of three windows completes with its windows table and stitched equity", async () => {
  await page.getByTestId("tab-walk-forward").click();
  await page.getByTestId("walk-forward-form").waitFor();
  await fillGrid(page);
  await page.getByTestId("wf-count").fill("3");
  await page.getByTestId("start-walk-forward").click();
  await page.locator('[data-testid="walk-forward-view"][data-status="completed"]').waitFor({ timeout: JOB_TIMEOUT });
  const windows = page.getByTestId("wf-windows").locator("tbody tr");
  expect((await windows.count()) === 3, `${await windows.count()} windows, not 3`);
  expect(/fast=\d+, slow=\d+/.test(await windows.first().innerText()), "the first window shows no chosen parameters");
  await page.locator('[data-testid="wf-equity"] .recharts-line path').first().waitFor();
  expect((await page.locator('[data-testid="wf-equity"] .recharts-reference-line').count()) >= 2, "window boundaries not marked");
  await page.getByTestId("wf-efficiency").waitFor();
  await page.getByTestId("walk-forwards-list").locator("li").first().waitFor();
  walkForwardUrl = page.url();
  expect(
    /tab=walk-forward&walk_forward=[0-9a-f-]{36}/.test(walkForwardUrl),
    `the address does not name the walk-forward: ${walkForwardUrl}`,
  );
  await shot(page, "r03-walk-forward-1440");
  // The address keeps the open walk-forward: a reload opens it again.
  await page.reload();
  await page.locator('[data-testid="walk-forward-view"][data-status="completed"]').waitFor();
});

await test("in Korean: the robustness tab's labels, the walk-forward and the statistics", async () => {
  await page.getByTestId("language-switch").click();
  await page.getByRole("menuitemradio", { name: "한국어" }).click();
  await page.getByTestId("tab-walk-forward").getByText("워크포워드").waitFor();
  await page.getByTestId("wf-windows").getByText("선택된 매개변수").waitFor();
  await shot(page, "r04-walk-forward-ko-1440");
  await page.goto(runUrl);
  await page.getByTestId("run-tab-robustness").getByText("강건성").click();
  await page.getByTestId("monte-carlo").getByText("몬테카를로", { exact: true }).waitFor();
  await page.locator('[data-testid="mc-result"][data-status="completed"]').waitFor();
  await page.getByTestId("mc-percentiles").getByText("중앙값").waitFor();
  await page.getByTestId("mc-result").getByText("거래 순서 섞기").first().waitFor();
  await shot(page, "r05-monte-carlo-ko-1440");
  await page.goto(`${BASE_URL}/analytics?tab=optimize`);
  await heading(page, "분석").waitFor();
  await page.getByTestId("optimizations-list").locator("li").first().click();
  await page.getByTestId("optimization-tab-robustness").click();
  await page.getByTestId("dsr-card").getByText("디플레이티드 샤프 비율").waitFor();
  await page.getByTestId("oos-section").getByText("표본 내 vs 표본 외").waitFor();
  await shot(page, "r06-optimisation-robustness-ko-1440");
});

await test("a phone-width screen (390 px): the robustness tabs and the walk-forward stay usable", async () => {
  const { phone, mobile } = await openPhone(new URL(runUrl).pathname);
  await mobile.getByTestId("run-tab-robustness").click();
  await mobile.locator('[data-testid="mc-result"][data-status="completed"]').waitFor();
  await expectNoSidewaysScroll(mobile, "the Monte Carlo tab");
  await shot(mobile, "r07-monte-carlo-phone-ko");
  await mobile.goto(walkForwardUrl);
  await mobile.locator('[data-testid="walk-forward-view"][data-status="completed"]').waitFor();
  await expectNoSidewaysScroll(mobile, "the walk-forward tab");
  await shot(mobile, "r08-walk-forward-phone-ko");
  await mobile.goto(`${BASE_URL}/analytics?tab=optimize`);
  await mobile.getByTestId("optimizations-list").locator("li").first().click();
  await mobile.getByTestId("optimization-tab-robustness").click();
  await mobile.getByTestId("plateau-card").waitFor();
  await expectNoSidewaysScroll(mobile, "an optimisation's robustness tab");
  await shot(mobile, "r09-optimisation-robustness-phone-ko");
  await phone.close();
});

await test("in English on a phone: the Monte Carlo tab", async () => {
  const { phone, mobile } = await openPhone(new URL(runUrl).pathname);
  // Signed in and on the run's page (in Korean, the phone's language) before switching to English.
  await mobile.getByTestId("run-tab-robustness").getByText("강건성").waitFor();
  await mobile.getByTestId("language-switch").click();
  await mobile.getByRole("menuitemradio", { name: "English" }).click();
  await mobile.getByTestId("run-tab-robustness").getByText("Robustness").click();
  await mobile.locator('[data-testid="mc-result"][data-status="completed"]').waitFor();
  await expectNoSidewaysScroll(mobile, "the Monte Carlo tab in English");
  await shot(mobile, "r10-monte-carlo-phone-en");
  await phone.close();
});

await finish("robustness-results.json", "e2e (robustness)");
