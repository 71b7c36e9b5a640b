// End-to-end tests of the backtest screens in a real browser (Debian's Chromium driven by playwright-core)
// against the real app: new backtest form, live progress, the result page, the runs list, comparison,
// optimisation, the dashboard's runs and a first look at the strategy workbench (workbench.mjs drives
// it). scripts/e2e.sh runs it after run.mjs with BASE_URL set; screenshots go to e2e/artifacts/
// (prefixed "b").
//   BASE_URL=http://localhost:8080 node e2e/backtests.mjs
import { join } from "node:path";
import { ARTIFACTS, BASE_URL, expect, expectNoSidewaysScroll, heading, newStrategyFromTemplate, openHarness } from "./harness.mjs";

/** A run is picked up within the queue's poll interval (5 s) and takes a moment more. */
const RUN_TIMEOUT = 60_000;

const { user, context, page, test, shot, finish, openPhone } = await openHarness({ userPrefix: "bt", shotPrefix: "b", settleMs: 250 });
const PERCENT = /^[+\-−]?\d[\d,]*\.\d{2}%$/;

/**
 * Types into a symbol combobox and picks the match with Enter (the exact code ranks first), then checks
 * that the pick took. On a loaded machine the select used just before may hand focus back to its trigger
 * late, which closes the list under the pointer; the pick is then made again.
 */
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

/** Picks an option of a select, and waits for the list to close (and focus to return to the trigger). */
async function selectOption(p, trigger, name) {
  await trigger.click();
  await p.getByRole("option", { name, exact: true }).click();
  await p.getByRole("listbox").waitFor({ state: "detached" });
}

/** Waits on the result page until the run has finished, and returns its status. */
async function waitForResult(p) {
  await p
    .locator('[data-testid="run-completed"], [data-testid="run-failed"], [data-testid="run-cancelled"]')
    .first()
    .waitFor({ timeout: RUN_TIMEOUT });
  return (await p.getByTestId("run-completed").count()) > 0 ? "completed" : "not completed";
}

console.log(`e2e (backtests) against ${BASE_URL}`);

await test("sign up (the API sets the session cookie the browser then uses)", async () => {
  const response = await context.request.post(`${BASE_URL}/api/v1/auth/register`, { data: user });
  expect(response.status() === 201, `register answered ${response.status()}`);
  await page.goto(`${BASE_URL}/dashboard`);
  await heading(page, `Hello, ${user.username}`).waitFor();
  await page.getByTestId("recent-runs").getByText("No runs yet").waitFor();
  await page.getByTestId("quick-runs").getByText("SMA crossover · Apple 2013").waitFor();
  await shot(page, "b01-dashboard-empty");
});

let strategyId = "";
await test("create a strategy from a template; the workbench previews it beside the editor", async () => {
  await newStrategyFromTemplate(page, "sma_crossover");
  await page.getByLabel("Name").fill("SMA e2e");
  // Before it is saved the workbench already previews the template on AAPL 2013 with its defaults.
  await page.locator('[data-testid="preview-result"][data-state="current"]').waitFor();
  const metrics = await page.getByTestId("workbench").getByTestId("metric-cards").innerText();
  expect(/Total return\s+[+\-−]?\d+\.\d{2}%/.test(metrics), `workbench metrics: ${metrics}`);
  await shot(page, "b02-strategy-workbench");
  await page.getByTestId("save-strategy").click();
  await page.waitForURL(/\/strategies\/[0-9a-f-]{36}$/);
  strategyId = page.url().split("/").pop();
});

let firstRunUrl = "";
await test("the new-backtest form validates like the API, then starts a run", async () => {
  await page.goto(`${BASE_URL}/backtests/new`);
  await heading(page, "New backtest").waitFor();
  await page.getByTestId("run-backtest").click();
  await page.getByText("Choose the strategy to test", { exact: true }).waitFor();
  await page.getByText("Choose a symbol", { exact: true }).waitFor();
  await selectOption(page, page.getByTestId("strategy-select"), "SMA e2e");
  await pickSymbol(page, "symbol-input", "AAPL");
  expect((await page.getByTestId("start-date").inputValue()) === "2013-01-02", "start date not defaulted to the first bar");
  expect((await page.getByTestId("end-date").inputValue()) === "2013-12-31", "end date not defaulted to the last bar");
  await page
    .getByTestId("available-range")
    .getByText(/252 bars/)
    .waitFor();
  expect((await page.locator('[data-parameter="fast"]').inputValue()) === "10", "fast not at its default");
  await page.locator('[data-parameter="fast"]').fill("500");
  await page.getByLabel("Initial capital").fill("0");
  await page.getByTestId("end-date").fill("2012-12-31");
  await page.getByTestId("run-backtest").click();
  await page.getByText("Between 2 and 100", { exact: true }).waitFor();
  await page.getByText("Must be above 0", { exact: true }).waitFor();
  await page.getByText("Must not be before the start date", { exact: true }).waitFor();
  await shot(page, "b03-new-backtest-errors");
  await page.locator('[data-parameter="fast"]').fill("10");
  await page.locator('[data-parameter="slow"]').fill("30");
  await page.getByLabel("Initial capital").fill("10000");
  await page.getByTestId("end-date").fill("2013-12-31");
  // Prices (issue 19): split-adjusted with dividends as cash by default; total return holds the dividends; no KRX limits for AAPL.
  expect(await page.getByTestId("price-adjustment-split_adjusted").isChecked(), "prices not split-adjusted by default");
  expect((await page.getByTestId("dividends-cash").getAttribute("aria-checked")) === "true", "dividends not paid as cash by default");
  expect((await page.getByTestId("price-limits").count()) === 0, "KRX price limits offered for a US symbol");
  await page.getByTestId("price-adjustment-total_return").click();
  expect(await page.getByTestId("dividends-cash").isDisabled(), "dividends as cash left on with total-return prices");
  await page.getByTestId("price-adjustment-split_adjusted").click();
  // No costs, so that the figures below are backtesting.py's for the same run (the US preset would add its sell fees and spread).
  await selectOption(page, page.getByTestId("cost-preset"), "No costs");
  await shot(page, "b04-new-backtest-filled");
  await page.getByTestId("run-backtest").click();
  await page.waitForURL(/\/backtests\/[0-9a-f-]{36}$/);
  firstRunUrl = page.url();
});

await test("the run is followed live until it completes", async () => {
  // Queued runs wait for the worker's next poll (up to 5 s), so the live card is normally seen first.
  await page.locator('[data-testid="run-progress"], [data-testid="run-completed"]').first().waitFor({ timeout: RUN_TIMEOUT });
  if (await page.getByTestId("run-progress").isVisible()) {
    const status = await page
      .getByTestId("run-progress")
      .getAttribute("data-status")
      .catch(() => null);
    expect(status === null || ["pending", "running", "completed"].includes(status), `live status ${status}`);
    await page.screenshot({ path: join(ARTIFACTS, "b05-run-live-progress.png") });
  }
  expect((await waitForResult(page)) === "completed", "the run did not complete");
  await page.getByTestId("metric-total_return").waitFor();
});

await test("the result shows metric cards, charts, monthly returns and trades", async () => {
  for (const name of ["total_return", "cagr", "max_drawdown", "win_rate"]) {
    const text = (await page.getByTestId(`metric-${name}`).innerText()).trim();
    expect(PERCENT.test(text), `${name} card reads "${text}"`);
  }
  const sharpe = (await page.getByTestId("metric-sharpe_ratio").innerText()).trim();
  expect(/^[\-−]?\d+\.\d{2}$/.test(sharpe), `sharpe card reads "${sharpe}"`);
  expect((await page.getByTestId("metric-trade_count").innerText()).trim() === "3", "expected 3 trades");
  await page.getByText(/^Final equity \$10,241\.25$/).waitFor();
  await page.locator('[data-testid="equity-chart"] .recharts-line path').first().waitFor();
  await page.locator('[data-testid="drawdown-chart"] .recharts-area path').first().waitFor();
  await page.locator('[data-testid="price-chart"] canvas').first().waitFor();
  await page.locator('[data-testid="monthly-heatmap"] td[data-value]').first().waitFor();
  const trades = page.getByTestId("trades").locator("tbody tr");
  expect((await trades.count()) === 4, `expected 3 round trips and the open one, got ${await trades.count()}`);
  const firstRow = await trades.first().innerText();
  expect(
    firstRow.includes("2013-03-26") && firstRow.includes("465.44") && /−\$820\.68|-\$820\.68/.test(firstRow),
    `first trade: ${firstRow}`,
  );
  // Filters go to the API: the long-only strategy has no short, and its first trade is a loser.
  const card = page.getByTestId("trades");
  await card.getByTestId("filter-side").click();
  await page.getByRole("option", { name: "Short", exact: true }).click();
  await card.getByText("No matching trades").waitFor();
  await card.getByTestId("filter-side").click();
  await page.getByRole("option", { name: "Both sides", exact: true }).click();
  await card.getByTestId("filter-outcome").click();
  await page.getByRole("option", { name: "Losses", exact: true }).click();
  await card.getByText(/matching round trips?$/).waitFor();
  expect(/[−-]\$820\.68/.test(await trades.first().innerText()), `first loser: ${await trades.first().innerText()}`);
  expect(!(await card.innerText()).includes("$1,340.28"), "the open position is not a closed loser");
  await card.getByRole("button", { name: "Clear filters" }).click();
  await card.getByText(/^3 round trips$/).waitFor();
  await page.getByTestId("run-code").getByText("crossover(fast_ma, slow_ma)").waitFor();
  await shot(page, "b06-result");
  const download = page.waitForEvent("download");
  await page.getByTestId("download-fills").click();
  const file = await download;
  expect(file.suggestedFilename().endsWith("-fills.csv"), `download named ${file.suggestedFilename()}`);
});

await test("zooming the equity chart asks the API for the range", async () => {
  const chart = page.getByTestId("equity-chart");
  const request = page.waitForRequest((r) => r.url().includes("/api/v1/analytics/chart") && r.url().includes("from=2013-06-01"));
  request.catch(() => {});
  await chart.getByLabel("From", { exact: true }).fill("2013-06-01");
  await request;
  await chart.getByText(/^1\d\d of 1\d\d points$/).waitFor();
  await chart.getByRole("button", { name: "Whole run" }).click();
});

let secondRunUrl = "";
await test("run again with changes and a benchmark: the form comes prefilled, and a second run completes", async () => {
  await page.getByTestId("run-again").click();
  await page.waitForURL(/\/backtests\/new\?/);
  await page.locator('[data-parameter="fast"]').waitFor();
  expect((await page.getByTestId("symbol-input").inputValue()) === "AAPL", "symbol not prefilled");
  await page.waitForFunction(() => document.querySelector('[data-parameter="fast"]')?.value === "10");
  await page.locator('[data-parameter="fast"]').fill("5");
  await page.locator('[data-parameter="slow"]').fill("20");
  // The only daily sample series offline is AAPL itself: the strategy measured against holding it.
  await pickSymbol(page, "benchmark-input", "AAPL");
  await page.getByTestId("run-backtest").click();
  await page.waitForURL(/\/backtests\/[0-9a-f-]{36}$/);
  secondRunUrl = page.url();
  expect(secondRunUrl !== firstRunUrl, "no new run");
  expect((await waitForResult(page)) === "completed", "the second run did not complete");
  await page.getByTestId("run-parameters").getByText("fast").waitFor();
});

await test("the benchmark's rebased equity is drawn beside the run's, with the run measured against it", async () => {
  await page.getByTestId("run-benchmark").getByText("Benchmark AAPL").waitFor();
  const chart = page.getByTestId("equity-chart");
  await chart.locator(".recharts-legend-item", { hasText: "Benchmark AAPL" }).waitFor();
  // Buy-and-hold, the benchmark and the equity: three lines.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="equity-chart"] .recharts-line path').length >= 3);
  const card = page.getByTestId("benchmark-metrics");
  await card.getByText("Against AAPL").waitFor();
  const beta = (await page.getByTestId("benchmark-beta").innerText()).trim();
  expect(/^[\-−]?\d+\.\d{2}$/.test(beta), `beta reads "${beta}"`);
  const capture = (await page.getByTestId("benchmark-up_capture").innerText()).trim();
  expect(PERCENT.test(capture), `up capture reads "${capture}"`);
  // Holding the symbol from its first bar: the benchmark's return is the year's buy-and-hold.
  const benchmarkReturn = (await page.getByTestId("benchmark-benchmark_return").innerText()).trim();
  expect(PERCENT.test(benchmarkReturn), `benchmark return reads "${benchmarkReturn}"`);
  await card.getByRole("button", { name: /covariance/ }).hover();
  await page
    .getByRole("tooltip")
    .getByText(/variance of the benchmark's/)
    .first()
    .waitFor();
  await card.scrollIntoViewIfNeeded();
  await shot(page, "b06b-result-benchmark");
});

await test("the runs list shows both runs with their metrics, sorts and filters", async () => {
  await page.goto(`${BASE_URL}/backtests`);
  await heading(page, "Backtests").waitFor();
  const rows = page.getByTestId("backtests-table").locator("tbody tr");
  // The form's run and its run-again (the workbench's previews are not stored).
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="backtests-table"] tbody tr').length >= 2);
  const text = await page.getByTestId("backtests-table").innerText();
  expect(/\+2\.41%/.test(text), `first run's return not listed: ${text.slice(0, 400)}`);
  await page.getByRole("button", { name: "Created" }).click();
  await page.locator('th[aria-sort="ascending"]').waitFor();
  await selectOption(page, page.getByTestId("filter-status"), "Failed");
  await page.getByText("No run matches these filters").waitFor();
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await rows.first().waitFor();
  await shot(page, "b07-backtests-list");
});

await test("compare the two runs on /analytics", async () => {
  await page.goto(`${BASE_URL}/analytics`);
  await heading(page, "Analytics").waitFor();
  const picks = page.getByTestId("pick-run");
  await picks.first().waitFor();
  const first = firstRunUrl.split("/").pop();
  const second = secondRunUrl.split("/").pop();
  // The runs are listed newest first; pick the two this test started.
  for (const id of [first, second]) {
    const label = page
      .locator("label", { has: page.locator(`input[data-testid="pick-run"]`) })
      .filter({ hasText: id === first ? "fast=10, slow=30" : "fast=5, slow=20" });
    await label.first().locator("input").check();
  }
  await page.getByTestId("compare-metrics").waitFor();
  await page.locator('[data-testid="rebased-equity"] .recharts-line path').first().waitFor();
  await page.locator('[data-testid="correlation-matrix"] td[data-value="1"]').first().waitFor();
  const metrics = await page.getByTestId("compare-metrics").innerText();
  expect(metrics.includes("+2.41%") && metrics.includes("Sharpe ratio"), `compare table: ${metrics.slice(0, 300)}`);
  await shot(page, "b08-analytics-compare");
});

await test("run a small optimisation and see the ranked table and heatmap", async () => {
  await page.getByTestId("tab-optimize").click();
  await selectOption(page, page.getByTestId("optimize-strategy"), "SMA e2e");
  await pickSymbol(page, "optimize-symbol", "AAPL");
  const ranges = { "fast.from": "5", "fast.to": "20", "fast.step": "5", "slow.from": "20", "slow.to": "60", "slow.step": "10" };
  for (const [name, value] of Object.entries(ranges)) await page.locator(`[data-range="${name}"]`).fill(value);
  await page.getByTestId("grid-size").getByText("20 combinations").waitFor();
  await page.getByRole("button", { name: "Add constraint" }).click();
  await page.getByTestId("start-optimization").click();
  await page.locator('[data-testid="optimization-view"][data-status="completed"]').waitFor({ timeout: RUN_TIMEOUT });
  const ranked = page.getByTestId("ranked-results").locator("tbody tr");
  await ranked.first().waitFor();
  expect((await ranked.count()) >= 3, "fewer than 3 ranked results");
  const best = await ranked.first().innerText();
  // The optimisation trades at AAPL's market preset, US costs (SEC and FINRA fees on sells, a 2 bp
  // spread): without costs this combination's Sharpe is 1.22 and its return +19.52%.
  expect(/^1\s+10\s+20\s+1\.19/.test(best.trim()), `best result: ${best}`);
  await page.locator('[data-testid="optimization-heatmap"] td[data-value]:not([data-value=""])').first().waitFor();
  await page.getByTestId("optimizations-list").locator("li").first().waitFor();
  await shot(page, "b09-analytics-optimisation");
});

let optimisedRunUrl = "";
await test("run the best combination as a full backtest", async () => {
  await page.getByTestId("ranked-results").getByTestId("run-combination").first().click();
  await page.waitForURL(/\/backtests\/[0-9a-f-]{36}$/);
  optimisedRunUrl = page.url();
  expect((await waitForResult(page)) === "completed", "the optimised run did not complete");
  expect((await page.getByTestId("metric-total_return").innerText()).trim() === "+18.81%", "best combination's return");
});

let portfolioRunUrl = "";
await test("a portfolio run from the form over the synthetic sample universe", async () => {
  await newStrategyFromTemplate(page, "equal_weight");
  await page.getByLabel("Name").fill("Equal weight e2e");
  await page.getByTestId("save-strategy").click();
  await page.waitForURL(/\/strategies\/[0-9a-f-]{36}$/);
  await page.goto(`${BASE_URL}/backtests/new`);
  await heading(page, "New backtest").waitFor();
  await selectOption(page, page.getByTestId("strategy-select"), "Equal weight e2e");
  await page.getByTestId("run-mode-several").click();
  // Several symbols and none chosen yet: the form says so before asking the API.
  await page.getByTestId("run-backtest").click();
  await page.getByText("Choose a universe or type at least one symbol", { exact: true }).waitFor();
  await selectOption(page, page.getByTestId("universe-picker").getByRole("combobox"), /^Synthetic sample \(8 symbols\)/);
  await page.getByTestId("universe-picker").getByText("SYN-GOLD").waitFor();
  // The interval and dates follow the first symbol's stored bars.
  await page.waitForFunction(() => document.querySelector('[data-testid="end-date"]')?.value >= "2024-01-01");
  await page.getByTestId("start-date").fill("2021-01-01");
  await page.getByTestId("portfolio-settings").waitFor();
  // A base currency other than the symbols' asks for an FX series per foreign currency.
  await page.getByTestId("base-currency").fill("KRW");
  await page.getByTestId("fx-USD").waitFor();
  await page.getByTestId("run-backtest").click();
  await page.getByText("USD needs an FX series: a stored series quoting one USD in the base currency", { exact: true }).waitFor();
  await page.getByTestId("base-currency").fill("");
  await page.getByTestId("fx-USD").waitFor({ state: "detached" });
  await selectOption(page, page.getByTestId("rebalance-select"), "Quarterly");
  await shot(page, "b12p-new-portfolio-backtest");
  await page.getByTestId("run-backtest").click();
  await page.waitForURL(/\/backtests\/[0-9a-f-]{36}$/);
  portfolioRunUrl = page.url();
  expect((await waitForResult(page)) === "completed", "the portfolio run did not complete");
});

await test("a portfolio run's page: allocation over time, contribution, holdings on a date, trades of one symbol", async () => {
  await page.getByTestId("run-symbols").getByText("8 symbols").waitFor();
  const legend = page.getByTestId("allocation-legend");
  await legend.getByText("SYN-TECH").waitFor();
  await legend.getByText("Cash").waitFor();
  expect((await page.locator('[data-testid="allocation-chart"] .recharts-area').count()) === 8, "not one band per symbol");
  expect((await page.getByTestId("contribution-row").count()) === 8, "not a contribution row per symbol");
  // Quarterly rebalancing on its own: no price chart of one symbol, turnover instead.
  expect((await page.getByTestId("price-chart").count()) === 0, "a single symbol's price chart on a portfolio run");
  await page.getByTestId("portfolio-facts").getByText("Quarterly").waitFor();
  // Holdings on a date: the run's last day by default, then a typed one.
  await page.getByTestId("holdings-table").locator("tbody tr").first().waitFor();
  await page.getByTestId("holdings-date").fill("2022-06-15");
  await page
    .getByTestId("holdings-time")
    .getByText(/2022-06-1[0-5]/)
    .waitFor();
  expect((await page.getByTestId("holdings-table").locator("tbody tr").count()) === 8, "not eight holdings on 2022-06-15");
  // Trades of one symbol, filtered by the API.
  const trades = page.getByTestId("trades");
  await trades.locator("tbody tr").first().waitFor();
  await selectOption(page, page.getByTestId("filter-symbol"), "SYN-GOLD");
  await trades.getByText(/matching round trips?$/).waitFor();
  const symbols = await trades.locator("tbody tr td:nth-child(2)").allInnerTexts();
  expect(symbols.length > 0 && symbols.every((s) => s.trim() === "SYN-GOLD"), `filtered trades: ${symbols.join(",")}`);
  await page.getByTestId("allocation-chart").scrollIntoViewIfNeeded();
  await shot(page, "b12q-portfolio-result");
});

await test("switch to Korean on the result page", async () => {
  await page.goto(firstRunUrl);
  await page.getByTestId("metric-total_return").waitFor();
  await page.getByTestId("language-switch").click();
  await page.getByRole("menuitemradio", { name: "한국어" }).click();
  await page.locator('[data-metric="total_return"]').getByText("총수익률").waitFor();
  await page.getByRole("heading", { name: "자산 곡선" }).waitFor();
  await page.getByRole("heading", { name: "월별 수익률" }).waitFor();
  await page.getByTestId("trades").getByRole("heading", { name: "거래" }).waitFor();
  await page.getByRole("link", { name: "설정 바꿔 다시 실행" }).waitFor();
  await shot(page, "b10-result-ko");
});

await test("the dashboard shows recent runs, quick runs and the strategy overview (Korean)", async () => {
  await page.goto(`${BASE_URL}/dashboard`);
  await page.getByRole("heading", { level: 1, name: /안녕하세요/ }).waitFor();
  const recent = page.getByTestId("recent-runs");
  await recent.getByText("+18.81%").waitFor();
  await page.getByTestId("strategy-performance").getByText("SMA e2e").waitFor();
  await shot(page, "b11-dashboard-ko");
  // One click: a template strategy on the Bitcoin minutes, drawn as resampled candles (9,399 bars).
  await page.getByTestId("quick-run-ema-btc").click();
  await page.waitForURL(/\/backtests\/[0-9a-f-]{36}$/);
  expect((await waitForResult(page)) === "completed", "the quick run did not complete");
  await page.getByRole("heading", { level: 1, name: /지수 이동평균 교차/ }).waitFor();
  await page.getByTestId("price-chart").getByText("리샘플링").waitFor();
  await page.locator('[data-testid="price-chart"] canvas').first().waitFor();
  await page
    .getByTestId("trades")
    .getByText(/2013-11-2\d \d\d:\d\d/)
    .first()
    .waitFor();
  await shot(page, "b12-result-intraday-ko");
});

await test("Korean pages: backtests list, new backtest, analytics", async () => {
  await page.goto(`${BASE_URL}/backtests`);
  await heading(page, "백테스트").waitFor();
  await page.getByTestId("backtests-table").locator("tbody tr").first().waitFor();
  await shot(page, "b13-backtests-ko");
  await page.goto(`${BASE_URL}/backtests/new?strategy_id=${strategyId}&symbol=BTCUSD.BITSTAMP`);
  await heading(page, "새 백테스트").waitFor();
  await page.getByTestId("available-range").getByText(/9,399/).waitFor();
  await shot(page, "b14-new-backtest-ko");
  await page.goto(`${BASE_URL}/analytics?tab=optimize`);
  await heading(page, "분석").waitFor();
  await page.getByTestId("optimizations-list").locator("li").first().click();
  await page.getByTestId("ranked-results").waitFor();
  await shot(page, "b15-optimisation-ko");
});

await test("dark theme and a phone-width screen on the result and list pages", async () => {
  const { phone, mobile } = await openPhone(new URL(optimisedRunUrl).pathname);
  await mobile.getByTestId("metric-total_return").waitFor();
  await mobile.locator('[data-testid="price-chart"] canvas').first().waitFor();
  expect(await mobile.evaluate(() => document.documentElement.classList.contains("dark")), "not dark");
  await expectNoSidewaysScroll(mobile, "the result page");
  await shot(mobile, "b16-result-phone-dark");
  await mobile.goto(secondRunUrl);
  await mobile.getByTestId("benchmark-metrics").waitFor();
  await expectNoSidewaysScroll(mobile, "the result page with a benchmark");
  await mobile.getByTestId("benchmark-metrics").scrollIntoViewIfNeeded();
  await shot(mobile, "b16b-result-benchmark-phone-dark");
  await mobile.goto(portfolioRunUrl);
  await mobile.getByTestId("allocation-legend").getByText("현금").waitFor();
  await mobile.getByTestId("contribution").getByText("종목별 기여도").waitFor();
  await expectNoSidewaysScroll(mobile, "a portfolio run's page");
  await mobile.getByTestId("allocation-chart").scrollIntoViewIfNeeded();
  await shot(mobile, "b16c-portfolio-result-phone-dark");
  await mobile.goto(`${BASE_URL}/backtests`);
  await mobile.getByTestId("backtests-table").locator("tbody tr").first().waitFor();
  await expectNoSidewaysScroll(mobile, "the list");
  await shot(mobile, "b17-backtests-phone-dark");
  await mobile.goto(`${BASE_URL}/analytics`);
  await mobile.getByTestId("run-picker").waitFor();
  await expectNoSidewaysScroll(mobile, "analytics");
  await shot(mobile, "b18-analytics-phone-dark");
  await phone.close();
});

await test("a deep link to a run works on reload, and an unknown id says so", async () => {
  await page.goto(secondRunUrl);
  await page.getByTestId("metric-total_return").waitFor();
  await page.goto(`${BASE_URL}/backtests/00000000-0000-0000-0000-000000000000`);
  await page.getByText("백테스트를 찾을 수 없습니다").waitFor();
});

await test("the account section (Korean): collapsed, the preset's limit checked, and the run's leverage in its settings", async () => {
  await page.goto(`${BASE_URL}/backtests/new`);
  await selectOption(page, page.getByTestId("strategy-select"), "SMA e2e");
  await pickSymbol(page, "symbol-input", "AAPL");
  const section = page.getByTestId("account-section");
  await section.getByText("AAPL의 프리셋: 미국 신용(마진) 계좌").waitFor();
  expect((await page.getByTestId("account-leverage").count()) === 0, "the account section starts collapsed");
  await page.getByTestId("account-toggle").click();
  await page.getByTestId("account-leverage").fill("3");
  await page.getByTestId("run-backtest").click();
  await section.getByText("이 계좌는 최대 2배입니다.", { exact: true }).waitFor();
  await shot(page, "b19-account-section-ko");
  await page.getByTestId("account-leverage").fill("2");
  await page.getByTestId("run-backtest").click();
  await page.waitForURL(/\/backtests\/[0-9a-f-]{36}$/);
  expect((await waitForResult(page)) === "completed", "the levered run did not complete");
  const leverage = (await page.getByTestId("run-account-leverage").innerText()).trim();
  expect(leverage === "2x", `the run's settings show leverage ${leverage}`);
  await page.getByTestId("run-account").getByText("미국 신용(마진) 계좌").waitFor();
  await shot(page, "b20-levered-run-settings-ko");
});

await finish("backtests-results.json", "e2e (backtests)");
