// The shared set-up of the browser tests: Debian's Chromium through playwright-core, a fresh user, a
// test() runner that fails a test on any page error or console error, screenshots, and the summary.
// Each script (run.mjs, backtests.mjs) opens one with openHarness() and ends with its finish().
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const BASE_URL = process.env.BASE_URL ?? "http://localhost:8080";
export const ARTIFACTS = process.env.E2E_ARTIFACTS ?? join(dirname(fileURLToPath(import.meta.url)), "artifacts");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const TIMEOUT = 20_000;

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

export const heading = (p, text) => p.getByRole("heading", { level: 1, name: text });

/** Opens the editor for a new strategy, loads a template into it and waits until the code compiles. */
export async function newStrategyFromTemplate(p, templateId) {
  await p.goto(`${BASE_URL}/strategies/new`);
  await heading(p, "New strategy").waitFor();
  await p.locator(".monaco-editor").waitFor();
  await p.getByRole("button", { name: "Templates" }).click();
  await p.getByTestId(`template-${templateId}`).click();
  await p.locator('[data-testid="validation-status"][data-state="valid"]').waitFor();
}

/** Fails when the page is wider than its window (a phone-width layout must not scroll sideways). */
export async function expectNoSidewaysScroll(p, what) {
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 1, `${what} is ${overflow}px wider than the phone`);
}

/**
 * @param userPrefix prefix of the fresh user's name ("e2e", "bt")
 * @param shotPrefix prefix of failure screenshots ("" or "b")
 * @param settleMs wait before a screenshot, for charts to finish drawing
 */
export async function openHarness({ userPrefix, shotPrefix = "", settleMs = 150 }) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const stamp = Date.now().toString(36);
  const user = { email: `${userPrefix}-${stamp}@example.com`, username: `${userPrefix}_${stamp}`, password: "backtest e2e 2024" };

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  // A Korean-speaking browser would start in Korean; the tests start in English and switch later.
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: "en-US", timezoneId: "Asia/Seoul" });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();

  const problems = [];
  const watch = (p) => {
    p.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    p.on("console", (message) => {
      if (
        message.type() === "error" &&
        !/Failed to load resource: the server responded with a status of (401|404|422)/.test(message.text())
      ) {
        problems.push(`console: ${message.text()}`);
      }
    });
  };
  watch(page);

  async function shot(p, name) {
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.waitForTimeout(settleMs);
    await p.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  /**
   * A phone in Korean with the dark colour scheme: a second browser context, signed in on its own (sharing
   * the first context's refresh cookie would look like a stolen token) and sent on to `path`. Close the
   * returned context at the end.
   */
  async function openPhone(path) {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      locale: "ko-KR",
      colorScheme: "dark",
      timezoneId: "Asia/Seoul",
    });
    phone.setDefaultTimeout(TIMEOUT);
    const mobile = await phone.newPage();
    watch(mobile);
    await mobile.goto(`${BASE_URL}/login?next=${encodeURIComponent(path)}`);
    await mobile.getByLabel("이메일 또는 사용자 이름").fill(user.username);
    await mobile.getByLabel("비밀번호").fill(user.password);
    await mobile.getByRole("button", { name: "로그인" }).click();
    return { phone, mobile };
  }

  const results = [];
  async function test(name, body) {
    const started = Date.now();
    problems.length = 0;
    try {
      await body();
      if (problems.length > 0) throw new Error(`browser reported:\n    ${problems.join("\n    ")}`);
      results.push({ name, ok: true });
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      results.push({ name, ok: false, error });
      console.log(
        `  ✗ ${name}\n    ${String(error?.stack ?? error)
          .split("\n")
          .slice(0, 6)
          .join("\n    ")}`,
      );
      await shot(page, `${shotPrefix}FAILED-${name.replace(/\W+/g, "-")}`).catch(() => {});
    }
  }

  /** Closes the browser, writes the results file, prints the summary and exits 0 only if all passed. */
  async function finish(resultsFile, label) {
    await browser.close();
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    writeFileSync(
      join(ARTIFACTS, resultsFile),
      JSON.stringify(
        results.map(({ name, ok, error }) => ({ name, ok, error: error ? String(error) : undefined })),
        null,
        2,
      ),
    );
    // The failures again, last: CI keeps only the tail of a long log.
    for (const { name, error } of results.filter((r) => !r.ok)) {
      console.log(
        `  ✗ ${name}: ${String(error?.message ?? error)
          .split("\n")
          .slice(0, 4)
          .join(" | ")}`,
      );
    }
    console.log(`\n${label}: ${passed} passed, ${failed} failed`);
    process.exit(failed === 0 ? 0 : 1);
  }

  return { stamp, user, browser, context, page, watch, test, shot, finish, openPhone };
}
