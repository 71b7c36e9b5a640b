// Browser tests of issue 21's costs lane: the sign-up form's errors, the front page's figures from the
// catalogue, the US preset's parts in the run form, and a run over dates wider than its data (the form's
// note before, the run page's after), in English and Korean, at desktop and phone widths.
//   BASE_URL=http://localhost:8080 node e2e/costs.mjs
import { BASE_URL, expect, expectNoSidewaysScroll, heading, newStrategyFromTemplate, openHarness } from "./harness.mjs";

const RUN_TIMEOUT = 60_000;
const { user, context, page, test, shot, finish, openPhone } = await openHarness({ userPrefix: "cost", shotPrefix: "c", settleMs: 250 });

console.log(`e2e (costs) against ${BASE_URL}`);

await test("the front page states the catalogue's own figures", async () => {
  const summary = await (await context.request.get(`${BASE_URL}/api/v1/catalogue/summary`)).json();
  await page.goto(`${BASE_URL}/`);
  await page.getByTestId("figure-stat2").getByText(String(summary.indicators), { exact: true }).waitFor();
  await page.getByTestId("figure-stat1").getByText(String(summary.templates), { exact: true }).waitFor();
  expect((await page.getByText("40+", { exact: true }).count()) === 0, "a fixed figure is still shown");
  await shot(page, "c01-home-figures");
});

await test("an empty sign-up form flags every field at once", async () => {
  await page.goto(`${BASE_URL}/register`);
  await heading(page, /Create/).waitFor();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByText("Required", { exact: true }).nth(2).waitFor();
  expect((await page.getByText("Required", { exact: true }).count()) === 3, "not every field is flagged");
  await shot(page, "c02-register-empty");
  await page.goto(`${BASE_URL}/login`);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByText("Required", { exact: true }).nth(1).waitFor();
  expect((await page.getByText("Required", { exact: true }).count()) === 2, "not every login field is flagged");
});

await test("sign up and save a strategy", async () => {
  const response = await context.request.post(`${BASE_URL}/api/v1/auth/register`, { data: user });
  expect(response.status() === 201, `register answered ${response.status()}`);
  await page.goto(`${BASE_URL}/dashboard`);
  await heading(page, `Hello, ${user.username}`).waitFor();
  await newStrategyFromTemplate(page, "sma_crossover");
  await page.getByLabel("Name").fill("SMA costs e2e");
  await page.getByTestId("save-strategy").click();
  await page.waitForURL(/\/strategies\/[0-9a-f-]{36}$/);
});

let runUrl = "";
await test("the US preset shows its parts; dates beyond the data are clipped, said before and after the run", async () => {
  const strategyId = page.url().split("/").pop();
  await page.goto(`${BASE_URL}/backtests/new?strategy_id=${strategyId}&symbol=AAPL&start_date=1990-01-01&end_date=2030-12-31`);
  await heading(page, "New backtest").waitFor();
  const parts = page.getByTestId("preset-parts");
  await parts
    .getByTestId("cost-part-sec")
    .getByText(/^SEC fee \d[\d.]*% \(sells\)$/)
    .waitFor();
  await parts.getByTestId("cost-part-taf").getByText("FINRA TAF $0.000166 per share (max $8.30, sells)").waitFor();
  await parts.getByTestId("cost-part-spread").getByText("Spread 0.02% per fill (slippage)").waitFor();
  await page
    .getByTestId("range-clip-note")
    .getByText(/the run will cover 2013-01-02 to 2013-12-31/)
    .waitFor();
  await shot(page, "c03-new-backtest-us-costs");
  await page.getByTestId("run-backtest").click();
  await page.waitForURL(/\/backtests\/[0-9a-f-]{36}$/);
  runUrl = page.url();
  await page
    .getByTestId("range-note")
    .getByText(/You asked for 1990-01-01 to 2030-12-31; the run covers 2013-01-02 to 2013-12-31/)
    .waitFor();
  await page.locator('[data-testid="run-completed"], [data-testid="run-failed"]').first().waitFor({ timeout: RUN_TIMEOUT });
  expect((await page.getByTestId("run-completed").count()) === 1, "the run did not complete");
  await page.getByTestId("run-settings").getByTestId("cost-part-taf").waitFor();
  await shot(page, "c04-run-clipped");
});

await test("in Korean: the run's note and the preset's parts", async () => {
  await page.getByTestId("language-switch").click();
  await page.getByRole("menuitemradio", { name: "한국어" }).click();
  await page
    .getByTestId("range-note")
    .getByText(/요청한 기간 1990-01-01 ~ 2030-12-31 중 데이터가 있는 2013-01-02 ~ 2013-12-31로 실행했습니다/)
    .waitFor();
  await shot(page, "c05-run-clipped-ko");
  await page.goto(`${BASE_URL}/backtests/new?symbol=AAPL&start_date=1990-01-01&end_date=2030-12-31`);
  await page
    .getByTestId("preset-parts")
    .getByText(/^SEC 수수료 \d[\d.]*% \(매도\)$/)
    .waitFor();
  await page.getByTestId("preset-parts").getByText("FINRA TAF 주당 $0.000166 (최대 $8.30, 매도)").waitFor();
  await page.getByTestId("range-clip-note").waitFor();
  await shot(page, "c06-new-backtest-ko");
});

await test("at phone width: the run's note and the form's parts fit", async () => {
  const { phone, mobile } = await openPhone(new URL(runUrl).pathname);
  await mobile
    .getByTestId("range-note")
    .getByText(/요청한 기간/)
    .waitFor();
  await expectNoSidewaysScroll(mobile, "the run page");
  await shot(mobile, "c07-run-clipped-phone");
  await mobile.goto(`${BASE_URL}/backtests/new?symbol=AAPL&start_date=1990-01-01&end_date=2030-12-31`);
  await mobile.getByTestId("preset-parts").getByTestId("cost-part-taf").waitFor();
  await expectNoSidewaysScroll(mobile, "the run form");
  await shot(mobile, "c08-new-backtest-phone");
  await phone.close();
});

await finish("costs-results.json", "costs");
