// End-to-end tests of a run's results as TradingView's strategy tester shows them (issue 21): the
// performance summary in All / Long / Short columns, the list of trades filtered to losers, the trades
// table fitting at 1440 px and on a phone, the return histogram and rolling Sharpe, the equity's log scale
// and the drawdown periods. scripts/e2e.sh runs it with BASE_URL set; screenshots go to e2e/artifacts/
// (prefixed "s"), at 1440 px in English and Korean and at 390 px (a Korean phone, dark).
//   BASE_URL=http://localhost:8080 node e2e/results.mjs
import { BASE_URL, expect, expectNoSidewaysScroll, openHarness } from "./harness.mjs";

const RUN_TIMEOUT = 120_000;

const { user, context, page, test, shot, finish, openPhone } = await openHarness({ userPrefix: "rs", shotPrefix: "s", settleMs: 400 });
await page.setViewportSize({ width: 1440, height: 900 });

/** Long on a fast-over-slow cross, short on the cross back: a run with trades of both sides. */
const CODE = `# SMA flip
param fast = 5 in 2..50 step 1
param slow = 20 in 5..100 step 1
long_entry = crossover(sma(close, fast), sma(close, slow))
short_entry = crossunder(sma(close, fast), sma(close, slow))
`;

/** Fails unless the element's box lies inside the window horizontally. */
async function expectInView(locator, what) {
  const box = await locator.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box !== null, `${what} is not drawn`);
  expect(
    box.x >= 0 && box.x + box.width <= width + 1,
    `${what} spans ${Math.round(box.x)}-${Math.round(box.x + box.width)} px, outside ${width} px`,
  );
}

console.log(`e2e (results) against ${BASE_URL}`);

let runPath = "";
await test("sign up and run a strategy that goes long and short, through the API", async () => {
  const registered = await context.request.post(`${BASE_URL}/api/v1/auth/register`, { data: user });
  expect(registered.status() === 201, `register answered ${registered.status()}`);
  const headers = { Authorization: `Bearer ${(await registered.json()).access_token}` };
  const created = await context.request.post(`${BASE_URL}/api/v1/strategies`, {
    data: { name: "SMA flip", code: CODE, is_public: false },
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
      allow_short: true,
      parameters: { fast: 5, slow: 20 },
    },
    headers,
  });
  expect(run.status() === 202, `create run answered ${run.status()}: ${await run.text()}`);
  runPath = `/backtests/${(await run.json()).id}`;
  await page.goto(`${BASE_URL}${runPath}`);
  await page.getByTestId("run-completed").waitFor({ timeout: RUN_TIMEOUT });
});

await test("the performance summary shows All, Long and Short columns with the trade figures", async () => {
  const summary = page.getByTestId("summary-table");
  await summary.waitFor();
  for (const side of ["all", "long", "short"]) await page.getByTestId(`summary-column-${side}`).waitFor();
  expect((await page.getByTestId("summary-column-long").textContent())?.trim() === "Long", "no Long column");
  expect((await page.getByTestId("summary-column-short").textContent())?.trim() === "Short", "no Short column");
  const trades = await page.getByTestId("summary-row-trade_count").locator("td").allInnerTexts();
  const [all, long, short] = trades.slice(1).map((text) => Number(text.replace(/,/g, "")));
  expect(all > 0 && long > 0 && short > 0 && all === long + short, `trade counts all/long/short: ${trades.join(" | ")}`);
  await page.getByTestId("summary-row-max_consecutive_losses").waitFor();
  await page.getByTestId("performance-summary").scrollIntoViewIfNeeded();
  await shot(page, "s01-summary-1440");
});

await test("the return histogram and the rolling Sharpe ratio are drawn", async () => {
  await page.locator('[data-testid="returns-histogram"] .recharts-bar-rectangle').first().waitFor();
  await page.locator('[data-testid="rolling-sharpe"] .recharts-line path').first().waitFor();
  const periods = page.getByTestId("drawdown-period");
  await periods.first().waitFor();
  const count = await periods.count();
  expect(count >= 1 && count <= 5, `${count} drawdown periods`);
});

await test("the equity chart switches to a log scale and back", async () => {
  const plot = page.getByTestId("equity-plot");
  expect((await plot.getAttribute("data-scale")) === "linear", "the equity does not start on a linear scale");
  // The equity line is drawn again on the other scale: its path changes.
  const line = plot.locator(".recharts-line path.recharts-curve").last();
  const linear = await line.getAttribute("d");
  await page.getByTestId("log-scale").click();
  await page.locator('[data-testid="equity-plot"][data-scale="log"]').waitFor();
  await page.waitForFunction((before) => {
    const paths = document.querySelectorAll('[data-testid="equity-plot"] .recharts-line path.recharts-curve');
    return paths.length > 0 && paths[paths.length - 1].getAttribute("d") !== before;
  }, linear);
  await shot(page, "s05-log-scale-1440");
  await page.getByTestId("log-scale").click();
  await page.locator('[data-testid="equity-plot"][data-scale="linear"]').waitFor();
});

await test("filtering the trades to losers lists only negative P&L, each with the run's cumulative P&L", async () => {
  const trades = page.getByTestId("trades");
  await trades.scrollIntoViewIfNeeded();
  await trades.getByRole("combobox", { name: "Outcome" }).click();
  await page.getByRole("option", { name: "Losses", exact: true }).click();
  await trades.getByText(/matching round trip/).waitFor();
  const table = trades.getByRole("table", { name: "Trades" });
  const header = table.getByRole("columnheader", { name: "P&L", exact: true });
  const index = await header.evaluate((th) => th.cellIndex);
  const cells = table.locator(`tbody tr:not([data-open]) > td:nth-child(${index + 1})`);
  const values = (await cells.allInnerTexts()).filter((text) => text.trim() !== "");
  expect(values.length > 0, "no losers listed");
  expect(
    values.every((text) => /^-/.test(text.trim())),
    `a loser with a P&L that is not negative: ${values.join(", ")}`,
  );
  await table.getByRole("columnheader", { name: "Cum. P&L" }).waitFor();
  await page.getByTestId("trade-expand").first().click();
  await page.getByTestId("trade-details").first().getByText("Run-up").waitFor();
  await trades.scrollIntoViewIfNeeded();
  await shot(page, "s02-trades-losers-1440");
});

await test("at 1440 px the trades table keeps P&L and return in view without sideways page scroll", async () => {
  const table = page.getByTestId("trades").getByRole("table", { name: "Trades" });
  await expectInView(table.getByRole("columnheader", { name: "P&L", exact: true }), "the P&L header");
  await expectInView(table.getByRole("columnheader", { name: "Return", exact: true }), "the return header");
  await expectInView(table.locator("tbody tr").first().locator("td").nth(2), "the first P&L cell");
  await expectNoSidewaysScroll(page, "the run page at 1440 px");
});

await test("in Korean the summary, the drawdown periods and the trades read in Korean", async () => {
  await page.getByTestId("language-switch").click();
  await page.getByRole("menuitemradio", { name: "한국어" }).click();
  await page.getByText("성과 요약").waitFor();
  expect((await page.getByTestId("summary-column-short").textContent())?.trim() === "공매도", "no 공매도 column");
  await page.getByText("낙폭 구간").waitFor();
  await page.getByTestId("performance-summary").scrollIntoViewIfNeeded();
  await shot(page, "s03-results-ko-1440");
  await page.getByTestId("language-switch").click();
  await page.getByRole("menuitemradio", { name: "English" }).click();
});

await test("on a phone the summary and the trades scroll in their own boxes, with P&L in view", async () => {
  const { phone, mobile } = await openPhone(runPath);
  try {
    await mobile.getByTestId("run-completed").waitFor({ timeout: RUN_TIMEOUT });
    await mobile.getByTestId("summary-table").waitFor();
    const table = mobile.getByTestId("trades").getByRole("table");
    await table.scrollIntoViewIfNeeded();
    // The account's language (English, set last on the desktop) may win over the phone's Korean.
    const header = table.getByRole("columnheader", { name: /^(손익|P&L)$/ });
    await header.waitFor();
    for (const [what, locator] of [
      ["the P&L header", header],
      ["the first P&L cell", table.locator("tbody tr").first().locator("td").nth(2)],
    ]) {
      const box = await locator.boundingBox();
      expect(
        box !== null && box.x >= 0 && box.x + box.width <= 391,
        `${what} on a phone spans ${box?.x}-${(box?.x ?? 0) + (box?.width ?? 0)} px`,
      );
    }
    await expectNoSidewaysScroll(mobile, "the run page on a phone");
    await mobile.waitForTimeout(400);
    await shot(mobile, "s04-results-390");
  } finally {
    await phone.close();
  }
});

await finish("results-results.json", "results");
