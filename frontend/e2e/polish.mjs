// End-to-end checks of the trader's polish (issue 21, items 2, 5, 6, 7) in a real browser against the real
// app: a double click on "Run backtest" starts one run and opens no dialog; a KRW run reads in whole won
// with a negative P&L on one line; the capital box groups its digits and reads the amount back; Korean
// text breaks between words; the runs list sorts by a metric with the sort in the address. Screenshots
// (prefixed "p") at desktop and phone widths, in Korean and English.
//   BASE_URL=http://localhost:8080 node e2e/polish.mjs
import { BASE_URL, expect, openHarness } from "./harness.mjs";

const RUN_TIMEOUT = 60_000;
const { user, context, page, test, shot, finish, openPhone } = await openHarness({ userPrefix: "po", shotPrefix: "p", settleMs: 250 });

const SYMBOL = `PO${Date.now().toString(36).toUpperCase().slice(-5)}.KS`;
const STRATEGY = `param fast = 2 in 2..50 step 1
param slow = 5 in 3..100 step 1
long_entry = crossover(sma(close, fast), sma(close, slow))
long_exit = crossunder(sma(close, fast), sma(close, slow))
`;

/** 160 daily closes in whole won that saw up and down while drifting lower: fast crossovers lose money. */
function krwCsv() {
  const lines = ["date,open,high,low,close,volume"];
  const start = Date.UTC(2023, 0, 2);
  let price = 71_000;
  for (let i = 0; i < 160; i++) {
    const swing = [900, 700, -400, -1_200, -900, 1_100, 500][i % 7];
    price = Math.max(20_000, price + swing - 60);
    const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${day},${price},${price + 300},${price - 300},${price},${100_000 + i}`);
  }
  return lines.join("\n");
}

/** The access token of the signed-up user, for the API calls the test makes beside the browser. */
let token = "";
const authorization = () => ({ Authorization: `Bearer ${token}` });

async function api(method, path, data) {
  const response = await context.request.fetch(`${BASE_URL}${path}`, { method, data, headers: authorization() });
  return { status: response.status(), json: await response.json().catch(() => null) };
}

/** The computed word-break of the first element matching `selector`. */
const wordBreak = (p, selector) =>
  p
    .locator(selector)
    .first()
    .evaluate((element) => getComputedStyle(element).wordBreak);

console.log(`e2e (polish) against ${BASE_URL}`);

let strategyId = "";
await test("sign up, upload a KRW symbol and save a strategy", async () => {
  const registered = await context.request.post(`${BASE_URL}/api/v1/auth/register`, { data: user });
  expect(registered.status() === 201, `register answered ${registered.status()}`);
  token = (await registered.json()).access_token;
  const imported = await context.request.post(`${BASE_URL}/api/v1/data/import`, {
    headers: authorization(),
    multipart: {
      file: { name: "krw.csv", mimeType: "text/csv", buffer: Buffer.from(krwCsv()) },
      symbol: SYMBOL,
      interval: "1d",
      market: "KRX",
      currency: "KRW",
      time_zone: "Asia/Seoul",
      name: "폴리시 테스트",
    },
  });
  expect(imported.status() < 300, `import answered ${imported.status()}: ${await imported.text()}`);
  const created = await api("POST", "/api/v1/strategies", { name: "Whipsaw", code: STRATEGY });
  expect(created.status === 201, `strategy answered ${created.status}`);
  strategyId = created.json.id;
});

await test("Korean text breaks between words: the landing headline, pages, form errors", async () => {
  await page.goto(`${BASE_URL}/dashboard`);
  await page.getByTestId("language-switch").click();
  await page.getByRole("menuitemradio", { name: "한국어" }).click();
  await page.waitForFunction(() => document.documentElement.lang === "ko");
  expect((await wordBreak(page, "h1")) === "keep-all", "the dashboard heading breaks inside words");
  await page.goto(`${BASE_URL}/`);
  await page.locator("h1").first().waitFor();
  expect((await wordBreak(page, "h1")) === "keep-all", "the landing headline breaks inside words");
  await page.goto(`${BASE_URL}/backtests/new`);
  await page.getByTestId("run-backtest").click();
  const error = page.locator('[data-slot="form-message"]').first();
  await error.waitFor();
  expect((await error.evaluate((e) => getComputedStyle(e).wordBreak)) === "keep-all", "a form error breaks inside words");
});

let runsBefore = 0;
await test("the capital box groups its digits and reads the amount back in 만 원", async () => {
  runsBefore = (await api("GET", "/api/v1/backtests?size=100")).json.total_items;
  await page.goto(`${BASE_URL}/backtests/new?strategy_id=${strategyId}&symbol=${encodeURIComponent(SYMBOL)}`);
  const capital = page.getByTestId("initial-capital");
  await page.getByTestId("available-range").waitFor();
  await capital.fill("");
  await capital.pressSequentially("10000000");
  expect((await capital.inputValue()) === "10,000,000", `capital shows ${await capital.inputValue()}`);
  const readBack = await page.getByTestId("initial-capital-read-back").innerText();
  expect(readBack === "1,000만 원", `read back as ${readBack}`);
  await shot(page, "p01-form-ko-desktop");
});

await test("a double click on Run backtest starts one run and opens no dialog", async () => {
  await page.getByTestId("run-backtest").dblclick();
  await page.waitForURL(/\/backtests\/[0-9a-f-]{36}$/);
  // Whatever the second click landed on, nothing asks to stop the run.
  await page.waitForTimeout(500);
  expect((await page.getByRole("dialog").count()) === 0, "a dialog opened after the double click");
  const after = (await api("GET", "/api/v1/backtests?size=100")).json.total_items;
  expect(after === runsBefore + 1, `${after - runsBefore} runs were started`);
});

await test("a KRW run reads in whole won, a negative P&L on one line", async () => {
  await page.getByTestId("run-completed").waitFor({ timeout: RUN_TIMEOUT });
  const trades = page.getByTestId("trades");
  await trades.scrollIntoViewIfNeeded();
  await trades.locator("tbody tr").first().waitFor();
  const text = await trades.innerText();
  expect(!/\d\.00(?!%)/.test(text), `a KRW amount shows .00: ${text.slice(0, 400)}`);
  const cards = await page.getByTestId("metric-cards").innerText();
  expect(!/₩[\d,]+\.\d/.test(cards), `a metric card shows won with decimals: ${cards}`);
  const negative = trades.locator("tbody td span.text-loss").first();
  await negative.waitFor();
  const { height, lineHeight, content } = await negative.evaluate((e) => ({
    height: e.getBoundingClientRect().height,
    lineHeight: parseFloat(getComputedStyle(e).lineHeight),
    content: e.textContent,
  }));
  expect(height <= lineHeight * 1.2, `negative P&L "${content}" is ${height}px high for a ${lineHeight}px line`);
  await shot(page, "p02-result-ko-desktop");
});

await test("the runs list sorts by return on the server and keeps the sort in the address", async () => {
  await page.goto(`${BASE_URL}/backtests`);
  const header = page.getByRole("columnheader", { name: "수익률" });
  await header.getByRole("button").click();
  await page.waitForURL(/sort=total_return/);
  expect((await header.getAttribute("aria-sort")) === "descending", "return column not sorted descending");
  await page.reload();
  await page.getByRole("columnheader", { name: "수익률" }).and(page.locator('[aria-sort="descending"]')).waitFor();
});

await test("English desktop: the form's read-back in ₩ and the result", async () => {
  await page.getByTestId("language-switch").click();
  await page.getByRole("menuitemradio", { name: "English" }).click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await page.goto(`${BASE_URL}/backtests/new?strategy_id=${strategyId}&symbol=${encodeURIComponent(SYMBOL)}&initial_capital=10000000`);
  await page.getByTestId("available-range").waitFor();
  const readBack = await page.getByTestId("initial-capital-read-back").innerText();
  expect(readBack === "₩10M", `read back as ${readBack}`);
  await shot(page, "p03-form-en-desktop");
});

await test("phone screenshots in Korean", async () => {
  const runs = (await api("GET", "/api/v1/backtests?size=1")).json.items;
  const { phone, mobile } = await openPhone(`/backtests/${runs[0].id}`);
  await mobile.getByTestId("run-completed").waitFor({ timeout: RUN_TIMEOUT });
  await shot(mobile, "p04-result-ko-phone");
  await mobile.goto(`${BASE_URL}/backtests/new?strategy_id=${strategyId}&symbol=${encodeURIComponent(SYMBOL)}&initial_capital=10000000`);
  await mobile.getByTestId("available-range").waitFor();
  await shot(mobile, "p05-form-ko-phone");
  await phone.close();
});

await finish("polish-results.json", "e2e (polish)");
