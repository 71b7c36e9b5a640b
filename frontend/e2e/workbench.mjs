// End-to-end tests of the strategy workbench in a real browser (Debian's Chromium driven by
// playwright-core) against the real app: a strategy with plot(...) lines previews beside its code,
// a parameter slider re-runs it in place, the plots are drawn and listed, Keep stores it as a run
// whose page draws the same plots. scripts/e2e.sh runs it with BASE_URL set; screenshots go to
// e2e/artifacts/ (prefixed "w").
//   BASE_URL=http://localhost:8080 node e2e/workbench.mjs
import { BASE_URL, expect, expectNoSidewaysScroll, openHarness } from "./harness.mjs";

/** A kept run is queued like any other and completes in a moment. */
const RUN_TIMEOUT = 60_000;

const { user, context, page, test, shot, finish, openPhone } = await openHarness({ userPrefix: "wb", shotPrefix: "w", settleMs: 300 });

const CODE = `# SMA crossover with its averages and an oscillator drawn
param fast = 10 in 2..50 step 1
param slow = 30 in 5..100 step 1
fast_ma = sma(close, fast)
slow_ma = sma(close, slow)
long_entry = crossover(fast_ma, slow_ma)
long_exit = crossunder(fast_ma, slow_ma)
plot("SMA fast", fast_ma)
plot("SMA slow", slow_ma, color="#ff7f0e")
plot("RSI 14", rsi(close, 14), pane="lower")
`;
const PLOTS = ["SMA fast", "SMA slow", "RSI 14"];

const current = (p) => p.locator('[data-testid="preview-result"][data-state="current"]');
const totalReturn = (p) => p.getByTestId("workbench").getByTestId("metric-total_return").innerText();

/** Waits until the workbench shows the answer to its newest request, with the plots listed and the candles drawn. */
async function settledPreview(p) {
  await current(p).waitFor();
  await p.locator('[data-testid="workbench"] [data-testid="candle-chart"] canvas').first().waitFor();
  for (const title of PLOTS) await p.getByTestId("workbench").getByTestId("plot-legend").locator(`[data-plot="${title}"]`).waitFor();
}

console.log(`e2e (workbench) against ${BASE_URL}`);

let strategyUrl = "";
await test("a strategy with plot lines (made through the API) opens with its workbench", async () => {
  const registered = await context.request.post(`${BASE_URL}/api/v1/auth/register`, { data: user });
  expect(registered.status() === 201, `register answered ${registered.status()}`);
  const { access_token: token } = await registered.json();
  const created = await context.request.post(`${BASE_URL}/api/v1/strategies`, {
    data: { name: "Plotted SMA", code: CODE, is_public: false },
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(created.status() === 201, `create strategy answered ${created.status()}: ${await created.text()}`);
  strategyUrl = `${BASE_URL}/strategies/${(await created.json()).id}`;
  await page.goto(strategyUrl);
  await page.getByTestId("preview-badge").getByText("Preview · not saved").waitFor();
  await settledPreview(page);
  // AAPL's 2013 daily bars are the sample every installation has: all of them, as less than ten years exist.
  expect((await page.getByTestId("start-date").inputValue()) === "2013-01-02", "the default range starts on AAPL's first bar");
  expect((await page.getByTestId("end-date").inputValue()) === "2013-12-31", "the default range ends on AAPL's last bar");
  const timing = await page.getByTestId("preview-timing").innerText();
  expect(/engine \d[\d,]* ms · end to end \d[\d,]* ms/.test(timing), `timing reads "${timing}"`);
  await shot(page, "w01-workbench");
});

let keptReturn = "";
await test("moving a parameter's slider re-runs the preview: the metrics and the chart change in place", async () => {
  const before = await totalReturn(page);
  const chart = page.locator('[data-testid="workbench"] [data-testid="candle-chart"]');
  const drawnBefore = await chart.screenshot();
  const slider = page.getByRole("slider", { name: "fast" });
  await slider.focus();
  // Up to the slider's end: fast 50 above slow 30 trades quite differently from 10.
  await slider.press("End");
  await page.getByTestId("parameter-input-fast").and(page.locator('[value="50"]')).waitFor();
  await page.waitForFunction(
    (previous) => {
      const result = document.querySelector('[data-testid="preview-result"]');
      const shown = document.querySelector('[data-testid="workbench"] [data-testid="metric-total_return"]')?.textContent;
      return result?.getAttribute("data-state") === "current" && shown !== previous;
    },
    before,
    { timeout: 10_000 },
  );
  await settledPreview(page);
  keptReturn = await totalReturn(page);
  expect(keptReturn !== before, `total return stayed ${before}`);
  // lightweight-charts draws after the data changes: give it a frame before comparing pixels.
  await page.waitForTimeout(300);
  expect(!(await chart.screenshot()).equals(drawnBefore), "the price chart did not change");
  await shot(page, "w02-workbench-slider-moved");
});

await test("the legend hides and shows a plotted line", async () => {
  const entry = page.getByTestId("workbench").getByTestId("plot-legend").locator('[data-plot="SMA slow"]');
  await entry.click();
  expect((await entry.getAttribute("aria-pressed")) === "false", "SMA slow still shown");
  await entry.click();
  expect((await entry.getAttribute("aria-pressed")) === "true", "SMA slow still hidden");
});

let runUrl = "";
await test("Keep stores the preview as a run whose page shows the same result and the plots", async () => {
  await page.getByTestId("keep-preview").click();
  const link = page.getByTestId("kept-run-link");
  await link.waitFor();
  await link.click();
  await page.waitForURL(/\/backtests\/[0-9a-f-]{36}$/);
  runUrl = page.url();
  await page.getByTestId("run-completed").waitFor({ timeout: RUN_TIMEOUT });
  const stored = await page.getByTestId("metric-total_return").innerText();
  expect(stored === keptReturn, `the stored run's total return ${stored} is not the preview's ${keptReturn}`);
  const priceChart = page.getByTestId("price-chart");
  for (const title of PLOTS) await priceChart.getByTestId("plot-legend").locator(`[data-plot="${title}"]`).waitFor();
  await priceChart.locator("canvas").first().waitFor();
  await priceChart.scrollIntoViewIfNeeded();
  await shot(page, "w03-run-with-plots");
});

await test("the workbench in Korean, and both pages at phone width without sideways scrolling", async () => {
  await page.goto(strategyUrl);
  await settledPreview(page);
  await page.getByTestId("language-switch").click();
  await page.getByRole("menuitemradio", { name: "한국어" }).click();
  await page.getByTestId("preview-badge").getByText("미리보기 · 저장되지 않음").waitFor();
  await page.getByTestId("keep-preview").getByText("실행 기록으로 저장").waitFor();
  await shot(page, "w04-workbench-ko");

  await page.getByTestId("language-switch").click();
  await page.getByRole("menuitemradio", { name: "English" }).click();
  await page.setViewportSize({ width: 390, height: 844 });
  await settledPreview(page);
  await expectNoSidewaysScroll(page, "the workbench (en)");
  await shot(page, "w05-workbench-phone-en");
  await page.goto(runUrl);
  await page.getByTestId("price-chart").getByTestId("plot-legend").waitFor();
  await expectNoSidewaysScroll(page, "the run page (en)");
  await page.setViewportSize({ width: 1360, height: 900 });

  const { phone, mobile } = await openPhone(new URL(strategyUrl).pathname);
  await settledPreview(mobile);
  // Signing in applies the account's saved language (English, chosen above), not the phone's: back to Korean.
  await mobile.getByTestId("language-switch").click();
  await mobile.getByRole("menuitemradio", { name: "한국어" }).click();
  await mobile.waitForFunction(() => document.documentElement.lang === "ko");
  await mobile.getByTestId("preview-badge").getByText("미리보기 · 저장되지 않음").waitFor();
  await expectNoSidewaysScroll(mobile, "the workbench (ko)");
  await shot(mobile, "w06-workbench-phone-ko-dark");
  await mobile.goto(runUrl);
  await mobile.getByTestId("price-chart").getByTestId("plot-legend").waitFor();
  await mobile.locator('[data-testid="price-chart"] canvas').first().waitFor();
  await expectNoSidewaysScroll(mobile, "the run page (ko)");
  await shot(mobile, "w07-run-phone-ko-dark");
  await phone.close();
});

await finish("workbench-results.json", "workbench e2e");
