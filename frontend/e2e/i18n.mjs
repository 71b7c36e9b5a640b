// End-to-end checks of the strategy editor in Korean (issue 21) in a real browser against the real app:
// the compiler's messages arrive in the reader's language (the request's Accept-Language), so an invalid
// strategy lists a Korean message in the editor's problems, and the Monaco hover documents a built-in
// function in Korean. Screenshots prefixed "i".
//   BASE_URL=http://localhost:8080 node e2e/i18n.mjs
import { join } from "node:path";
import { ARTIFACTS, BASE_URL, expect, openHarness } from "./harness.mjs";

const { user, context, page, test, shot, finish } = await openHarness({ userPrefix: "in", shotPrefix: "i", settleMs: 300 });

const CODE = `param fast = 10 in 2..50 step 1
long_entry = crossover(sma(close, fast), sma(close, 30))
long_exit = crossunder(sma(close, fast), slwo_ma)`;

console.log(`e2e (i18n) against ${BASE_URL}`);

await test("sign up and switch the app to Korean", async () => {
  const registered = await context.request.post(`${BASE_URL}/api/v1/auth/register`, { data: user });
  expect(registered.status() === 201, `register answered ${registered.status()}`);
  await page.goto(`${BASE_URL}/dashboard`);
  await page.getByTestId("language-switch").click();
  await page.getByRole("menuitemradio", { name: "한국어" }).click();
  await page.waitForFunction(() => document.documentElement.lang === "ko");
});

await test("in Korean, an invalid strategy lists the compiler's message in Korean", async () => {
  await page.goto(`${BASE_URL}/strategies/new`);
  await page.locator(".monaco-editor .view-lines").waitFor();
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+A");
  // Typed as one edit (like a paste), so the completion popup does not take the keystrokes.
  await page.keyboard.insertText(CODE);
  await page.locator('[data-testid="validation-status"][data-state="invalid"]').waitFor();
  await page.locator(".monaco-editor .squiggly-error").first().waitFor();
  const problems = page.getByTestId("code-errors");
  await problems.getByText("알 수 없는 이름 'slwo_ma'").first().waitFor();
  const text = await problems.innerText();
  expect(!/unknown name/i.test(text), `the problems list is in English: ${text}`);
  await page.keyboard.press("Escape");
  await shot(page, "i01-editor-problems-ko");
});

await test("in Korean, the hover documents a built-in function in Korean", async () => {
  const word = page.locator(".monaco-editor .view-line span", { hasText: /^sma$/ }).first();
  await word.waitFor();
  await word.hover();
  const hover = page.locator(".monaco-editor .monaco-hover:not(.hidden)");
  await hover.getByText("단순 이동평균", { exact: false }).first().waitFor();
  const text = await hover.innerText();
  expect(!text.includes("Simple moving average"), `the hover is in English: ${text}`);
  // Drawn in the app's font (bundled Pretendard has Hangul), not Monaco's system-only stack.
  const font = await hover
    .getByText("단순 이동평균", { exact: false })
    .first()
    .evaluate((element) => getComputedStyle(element).fontFamily);
  expect(font.includes("Pretendard"), `the Korean hover text is drawn in ${font}`);
  // The window, not the full page: the hover is where the pointer is.
  await page.screenshot({ path: join(ARTIFACTS, "i02-editor-hover-ko.png") });
});

await test("switched back to English, the same problem and hover read in English", async () => {
  await page.mouse.move(0, 0);
  await page.getByTestId("language-switch").click();
  await page.getByRole("menuitemradio", { name: "English" }).click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await page.getByTestId("code-errors").getByText("slwo_ma").first().waitFor();
  await page
    .getByTestId("code-errors")
    .getByText(/unknown name 'slwo_ma'/i)
    .first()
    .waitFor();
  const word = page.locator(".monaco-editor .view-line span", { hasText: /^sma$/ }).first();
  await word.hover();
  await page.locator(".monaco-editor .monaco-hover:not(.hidden)").getByText("Simple moving average").first().waitFor();
});

await finish("i18n-results.json", "i18n");
