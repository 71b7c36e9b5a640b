// End-to-end tests in a real browser (Debian's Chromium driven by playwright-core) against the real app:
// the Spring Boot jar serving the static export on an embedded PostgreSQL. scripts/e2e.sh starts the
// app and sets BASE_URL; screenshots of every screen go to e2e/artifacts/.
//   BASE_URL=http://localhost:8080 node e2e/run.mjs
import { BASE_URL, expect, expectNoSidewaysScroll, heading, newStrategyFromTemplate, openHarness } from "./harness.mjs";

const { stamp, user, page, test, shot, finish, openPhone } = await openHarness({ userPrefix: "e2e" });

console.log(`e2e against ${BASE_URL}`);

await test("home page explains the service and runs under the CSP", async () => {
  const response = await page.goto(`${BASE_URL}/`);
  const csp = response.headers()["content-security-policy"] ?? "";
  expect(csp.includes("script-src 'self'") && !/script-src[^;]*unsafe-inline/.test(csp), `unexpected CSP: ${csp}`);
  await heading(page, /Test your trading idea/).waitFor();
  await page.getByRole("link", { name: "Start for free" }).first().waitFor();
  await page.getByText("Everything a serious backtest needs").waitFor();
  await shot(page, "01-home");
});

await test("protected pages send a visitor to log in", async () => {
  await page.goto(`${BASE_URL}/strategies`);
  await page.waitForURL(/\/login\?next=%2Fstrategies/);
  await heading(page, "Welcome back").waitFor();
  await shot(page, "02-login");
});

await test("register validates as the API does, then signs up", async () => {
  await page.goto(`${BASE_URL}/register`);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Username").fill("a b");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByText("Enter a valid email address", { exact: true }).waitFor();
  await page.getByText("No spaces or @", { exact: true }).waitFor();
  await page.getByText("8 to 72 characters", { exact: true }).waitFor();
  await shot(page, "03-register-errors");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${BASE_URL}/dashboard`);
  await heading(page, `Hello, ${user.username}`).waitFor();
  await page.getByText("AAPL").first().waitFor();
  await shot(page, "04-dashboard");
});

await test("the session survives a reload (silent refresh from the cookie)", async () => {
  await page.reload();
  await heading(page, `Hello, ${user.username}`).waitFor();
});

let strategyUrl = "";
await test("create a strategy from a template", async () => {
  await newStrategyFromTemplate(page, "sma_crossover");
  await page.getByText("long_entry", { exact: true }).first().waitFor();
  const name = page.getByLabel("Name");
  expect((await name.inputValue()) === "SMA crossover", `name was ${await name.inputValue()}`);
  await name.fill("SMA crossover e2e");
  await shot(page, "05-strategy-new");
  await page.getByTestId("save-strategy").click();
  await page.waitForURL(/\/strategies\/[0-9a-f-]{36}$/);
  strategyUrl = page.url();
  await page.getByText("Strategy saved").waitFor();
});

await test("a strategy's deep link works on reload", async () => {
  await page.goto(strategyUrl);
  await heading(page, "SMA crossover e2e").waitFor();
  // The editor's lines render after the editor itself: wait for the code, not just the view.
  await page.locator(".monaco-editor .view-lines", { hasText: "crossover" }).waitFor();
});

await test("a broken line gets an error marker as you type", async () => {
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+End");
  // Typed as one edit (like a paste), so the completion popup does not take the keystrokes.
  await page.keyboard.insertText("\nlong_exit = crossunder(fast_ma, slwo_ma)");
  await page.locator('[data-testid="validation-status"][data-state="invalid"]').waitFor();
  await page.locator(".monaco-editor .squiggly-error").first().waitFor();
  await page
    .getByTestId("code-errors")
    .getByText(/slwo_ma/)
    .first()
    .waitFor();
  await page.keyboard.press("Escape");
  await shot(page, "06-strategy-error-marker");
});

await test("completion offers the language's functions", async () => {
  await page.keyboard.insertText("\nx = bband");
  await page.keyboard.press("Control+Space");
  await page.locator(".suggest-widget").getByText("bbands").first().waitFor();
  await shot(page, "07-strategy-completion");
  await page.keyboard.press("Escape");
});

await test("the strategies table lists, searches and sorts", async () => {
  page.once("dialog", (dialog) => dialog.accept());
  await page.goto(`${BASE_URL}/strategies`);
  await heading(page, "Strategies").waitFor();
  await page.getByRole("link", { name: "SMA crossover e2e" }).waitFor();
  await page.getByRole("searchbox", { name: "Search strategies" }).fill("zzz-nothing");
  await page.getByText("No strategy matches").waitFor();
  await page.getByRole("searchbox", { name: "Search strategies" }).fill("sma");
  await page.getByRole("link", { name: "SMA crossover e2e" }).waitFor();
  await page.getByRole("button", { name: "Name" }).click();
  await page.locator('th[aria-sort="ascending"]').waitFor();
  await shot(page, "08-strategies");
});

await test("market data lists symbols with their ranges", async () => {
  await page.goto(`${BASE_URL}/data`);
  await heading(page, "Market data").waitFor();
  await page.getByText("BTCUSD.BITSTAMP").first().waitFor();
  await page.getByText("2013-01-02").first().waitFor();
  await shot(page, "09-data");
});

await test("a CSV with a bad row is refused with the row's line and reason", async () => {
  const csv = [
    "date,open,high,low,close,volume",
    "2024-01-02,78200,79800,78000,79600,17142847",
    "2024-01-03,78500,78800,77000,77000,21753644",
    "2024-01-04,76100,77300,75000,76600,15324439",
    "2024-01-05,76700,77100,x,76600,11304316",
    "2024-01-08,77000,77500,76400,76500,11088724",
  ].join("\n");
  await page.getByTestId("csv-file").setInputFiles({ name: "E2E.KS.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("textbox", { name: "Symbol", exact: true }).fill(`E2E${stamp.slice(-4).toUpperCase()}.KS`);
  await page.getByLabel("Name").fill("E2E Electronics");
  await page.getByTestId("upload-csv").click();
  await page.getByTestId("import-rejected").waitFor();
  const rows = await page.getByTestId("bad-rows").innerText();
  expect(/\b5\b/.test(rows), `bad rows table: ${rows}`);
  await shot(page, "10-data-csv-rejected");
  await page.getByRole("button", { name: /skipping the bad row/ }).click();
  await page.getByTestId("import-success").waitFor();
  expect((await page.getByTestId("import-success").innerText()).includes("4 new bars"), "expected 4 new bars");
  await page.getByText("E2E Electronics").first().waitFor();
  await shot(page, "11-data-csv-imported");
});

await test("a symbol's page draws its candles in the prices its toggle picks, with its corporate actions", async () => {
  await page.goto(`${BASE_URL}/data`);
  await page
    .getByTestId("symbol-link")
    .filter({ hasText: /^AAPL$/ })
    .first()
    .click();
  await page.waitForURL(/\/data\/symbol\?symbol=AAPL/);
  await page.getByTestId("symbol-title").filter({ hasText: "Apple Inc. (AAPL)" }).waitFor();
  await page.locator('[data-testid="symbol-chart"] canvas').first().waitFor();
  const adjustment = async () => {
    const request = await page.waitForRequest((r) => r.url().includes("/api/v1/data/historical"));
    return new URL(request.url()).searchParams.get("adjustment");
  };
  const raw = adjustment();
  await page.getByTestId("chart-adjustment-raw").click();
  expect((await raw) === "raw", "the raw toggle asks the API for raw prices");
  await page.getByRole("heading", { name: "Corporate actions" }).waitFor();
  await shot(page, "11b-symbol-page");
});

await test("an actions CSV on your own symbol: a bad line named, then its split and dividend listed and marked", async () => {
  const symbol = `E2E${stamp.slice(-4).toUpperCase()}.KS`;
  await page.goto(`${BASE_URL}/data/symbol?symbol=${encodeURIComponent(symbol)}&dataset=own`);
  await page.getByTestId("symbol-title").filter({ hasText: symbol }).waitFor();
  const upload = async (lines) => {
    await page.getByTestId("csv-file").setInputFiles({ name: "actions.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
    await page.getByTestId("upload-actions").click();
  };
  await upload(["date,type,value,end_date", "2024-01-04,split,2:1,", "2024-01-05,bonus,1,"]);
  await page.getByTestId("actions-rejected").waitFor();
  const rejected = await page.getByRole("table", { name: "Rejected rows" }).innerText();
  expect(/\b3\b/.test(rejected) && rejected.includes("bonus"), `rejected lines: ${rejected}`);
  await upload(["date,type,value,end_date", "2024-01-04,split,2:1,", "2024-01-05,dividend,361,"]);
  await page.getByTestId("actions-imported").filter({ hasText: "2 actions imported" }).waitFor();
  const table = page.getByTestId("actions-table");
  await table.getByText("2:1").waitFor();
  await table.getByText("Dividend").waitFor();
  await shot(page, "11b2-symbol-actions");
});

await test("a CSV whose prices halve overnight is imported with a suspected-split warning", async () => {
  await page.goto(`${BASE_URL}/data`);
  const csv = [
    "date,open,high,low,close,volume",
    "2024-03-04,200,202,198,200,1000",
    "2024-03-05,200,203,199,201,1000",
    "2024-03-06,100,101,99,100,2000",
    "2024-03-07,100,102,99,101,2000",
  ].join("\n");
  await page.getByTestId("csv-file").setInputFiles({ name: "SPLIT.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("textbox", { name: "Symbol", exact: true }).fill(`E2S${stamp.slice(-4).toUpperCase()}`);
  await page.getByLabel("Name").fill("E2E Split Co");
  await page.getByTestId("upload-csv").click();
  await page.getByTestId("import-success").waitFor();
  const warning = await page.getByTestId("suspected-splits").innerText();
  expect(warning.includes("2024-03-06") && warning.includes("2:1"), `suspected splits: ${warning}`);
  await shot(page, "11b3-csv-suspected-split");
});

await test("a universe is saved from a pasted list, listed, and its symbols without data marked", async () => {
  await page.goto(`${BASE_URL}/universes`);
  await heading(page, "Universes").waitFor();
  await page.getByText("Synthetic sample (8 symbols)").waitFor();
  await page.getByTestId("new-universe").click();
  const editor = page.getByTestId("universe-editor");
  await editor.getByRole("textbox", { name: "Name" }).fill(`E2E universe ${stamp}`);
  await editor.getByTestId("universe-symbols").fill("SYN-TECH\nSYN-BOND, AAPL\tNO-DATA-E2E SYN-TECH");
  await editor.getByText("4 symbols · 1 repeat dropped").waitFor();
  await shot(page, "11b-universe-new");
  await editor.getByTestId("save-universe").click();
  await editor.waitFor({ state: "detached" });
  const card = page.getByTestId("universe-card").filter({ hasText: `E2E universe ${stamp}` });
  await card.getByTestId("universe-missing-count").filter({ hasText: "1 without data" }).waitFor();
  await card.getByRole("button", { name: /^Edit/ }).click();
  await page.getByTestId("universe-missing").waitFor();
  await shot(page, "11c-universe-missing");
  await page.keyboard.press("Escape");
  await shot(page, "11d-universes");
});

await test("switch the language to Korean, and it stays", async () => {
  await page.goto(`${BASE_URL}/data`);
  await heading(page, "Market data").waitFor();
  await page.getByTestId("language-switch").click();
  await page.getByRole("menuitemradio", { name: "한국어" }).click();
  await heading(page, "시장 데이터").waitFor();
  expect((await page.locator("html").getAttribute("lang")) === "ko", "html lang is not ko");
  await shot(page, "12-data-ko");
  await page.goto(`${BASE_URL}/dashboard`);
  await page.getByRole("heading", { level: 1, name: /안녕하세요/ }).waitFor();
  await shot(page, "13-dashboard-ko");
  await page.goto(`${BASE_URL}/strategies`);
  await heading(page, "전략").waitFor();
  await shot(page, "14-strategies-ko");
  await page.goto(`${BASE_URL}/universes`);
  await heading(page, "유니버스").waitFor();
  await page.getByText(`E2E universe ${stamp}`).waitFor();
  await shot(page, "14b-universes-ko");
});

await test("dark theme and a phone-width screen", async () => {
  const { phone, mobile } = await openPhone("/dashboard");
  await mobile.getByRole("heading", { level: 1, name: /안녕하세요/ }).waitFor();
  expect(await mobile.evaluate(() => document.documentElement.classList.contains("dark")), "not dark");
  await expectNoSidewaysScroll(mobile, "the dashboard");
  await shot(mobile, "15-dashboard-phone-dark");
  await mobile.getByRole("button", { name: "메뉴 열기" }).click();
  await mobile.getByRole("link", { name: "시장 데이터" }).click();
  await mobile.getByRole("heading", { level: 1, name: "시장 데이터" }).waitFor();
  await mobile.getByText("AAPL").first().waitFor();
  await expectNoSidewaysScroll(mobile, "the data page");
  await shot(mobile, "16-data-phone-dark");
  await mobile.getByRole("button", { name: "메뉴 열기" }).click();
  await mobile.getByRole("link", { name: "유니버스" }).click();
  await mobile.getByRole("heading", { level: 1, name: "유니버스" }).waitFor();
  await mobile.getByTestId("universe-card").first().waitFor();
  await expectNoSidewaysScroll(mobile, "the universes page");
  await shot(mobile, "16b-universes-phone-dark");
  await mobile.goto(strategyUrl);
  // The code editor, the first of the page's editors (a saved draft's comparison adds a diff editor).
  await mobile.locator(".monaco-editor").first().waitFor();
  await shot(mobile, "17-strategy-phone-dark");
  await phone.close();
});

await test("unknown pages show the 404 page", async () => {
  const response = await page.goto(`${BASE_URL}/no-such-page`);
  expect(response.status() === 404, `status ${response.status()}`);
  await page.getByRole("heading", { level: 1, name: "페이지를 찾을 수 없습니다" }).waitFor();
  await shot(page, "18-not-found-ko");
});

await test("log out ends the session", async () => {
  await page.goto(`${BASE_URL}/dashboard`);
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "로그아웃" }).click();
  await page.waitForURL(/\/login/);
  await page.goto(`${BASE_URL}/data`);
  await page.waitForURL(/\/login\?next=%2Fdata/);
});

await finish("results.json", "e2e");
