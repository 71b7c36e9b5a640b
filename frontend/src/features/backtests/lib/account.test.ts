import { describe, expect, it } from "vitest";
import type { SchemaAccountDefaults } from "@/lib/api/schema";
import { translate } from "@/lib/i18n";
import { aaplSample, runSettings } from "@/test/fixtures";
import {
  accountChanged,
  accountIssues,
  accountValuesFromRun,
  emptyAccountValues,
  maxLeverageFor,
  toAccountRequest,
  type AccountFormValues,
} from "./account";
import {
  applyPrefill,
  backtestFormSchema,
  emptyFormValues,
  newBacktestHref,
  parsePrefill,
  prefillFromRun,
  splitFieldErrors,
  toBacktestRequest,
} from "./backtest-form";
import { ApiError } from "@/lib/api/errors";

const t = ((key: string, vars?: Record<string, string | number>) => translate("en", key, vars)) as never;

const US: SchemaAccountDefaults = {
  symbol: "AAPL",
  preset: "us",
  perpetual: false,
  funding_series: false,
  max_leverage: 2,
  maintenance_margin: 0.25,
  borrow_rate: 0.08,
  short_borrow_fee: 0,
  funding: "none",
  funding_rate: 0,
  funding_interval: 8,
  max_pyramiding: 10,
  tiers: [],
};

const FUTURES: SchemaAccountDefaults = {
  ...US,
  symbol: "BTCUSDT",
  preset: "crypto-futures",
  perpetual: true,
  funding_series: true,
  max_leverage: 10,
  maintenance_margin: 0.004,
  borrow_rate: 0,
  funding: "series",
  funding_rate: 0.0001,
  tiers: [
    { up_to: 50_000, max_leverage: 125, maintenance_margin: 0.004 },
    { up_to: 600_000, max_leverage: 100, maintenance_margin: 0.005 },
    { up_to: 100_000_000, max_leverage: 20, maintenance_margin: 0.025 },
    { up_to: 480_000_000, max_leverage: 5, maintenance_margin: 0.1 },
    { up_to: null, max_leverage: 1, maintenance_margin: 0.5 },
  ],
};

const account = (patch: Partial<AccountFormValues>): AccountFormValues => ({ ...emptyAccountValues(), ...patch });
const fields = (issues: ReturnType<typeof accountIssues>) => issues.map((i) => i.field);

describe("the account section", () => {
  it("sends nothing when left alone, so a plain run stays the run it was", () => {
    expect(toAccountRequest(emptyAccountValues())).toEqual({});
    expect(accountChanged(emptyAccountValues())).toBe(false);
    expect(accountIssues(emptyAccountValues(), US, 10_000)).toEqual([]);
  });

  it("turns percentages into fractions and hours into the API's 8h", () => {
    expect(
      toAccountRequest(
        account({
          leverage: "2",
          maintenance_margin: "25",
          borrow_rate: "8",
          short_borrow_fee: "0.3",
          funding: "fixed",
          funding_rate: "0.01",
          funding_interval: "8",
          pyramiding: "3",
          close_at_end_price: "open",
        }),
      ),
    ).toEqual({
      leverage: 2,
      maintenance_margin: 0.25,
      borrow_rate: 0.08,
      short_borrow_fee: 0.003,
      funding: "fixed",
      funding_rate: 0.0001,
      funding_interval: "8h",
      pyramiding: 3,
      close_at_end_price: "open",
    });
    // A fixed rate typed while another mode is chosen is not sent.
    expect(toAccountRequest(account({ funding: "series", funding_rate: "0.01" }))).toEqual({ funding: "series" });
  });

  it("refuses leverage beyond the preset, and beyond the tier of capital x leverage", () => {
    expect(accountIssues(account({ leverage: "3" }), US, 10_000)).toEqual([
      { field: "leverage", key: "account.validation.leverageMax", values: { max: 2, preset: "us" } },
    ]);
    expect(fields(accountIssues(account({ leverage: "0.5" }), US, 10_000))).toEqual(["leverage"]);
    expect(accountIssues(account({ leverage: "10" }), FUTURES, 1_000)).toEqual([]);
    expect(maxLeverageFor(FUTURES, 1_000, 10)).toBe(10);
    // 8 million x 10 falls in the 100-million tier: 20x there, so the preset's 10x still rules.
    expect(maxLeverageFor(FUTURES, 8_000_000, 10)).toBe(10);
    // 20 million x 10 is in the 480-million tier: 5x.
    expect(maxLeverageFor(FUTURES, 20_000_000, 10)).toBe(5);
    // 100 million x 5 is past 480 million: that tier allows 1x.
    expect(maxLeverageFor(FUTURES, 100_000_000, 5)).toBe(1);
    expect(fields(accountIssues(account({ leverage: "5" }), FUTURES, 100_000_000))).toEqual(["leverage"]);
  });

  it("keeps the maintenance margin below the initial margin and rates in range", () => {
    expect(accountIssues(account({ leverage: "2", maintenance_margin: "50" }), US, 10_000)).toEqual([
      { field: "maintenance_margin", key: "account.validation.maintenanceBelowInitial", values: { max: 50 } },
    ]);
    expect(accountIssues(account({ leverage: "2", maintenance_margin: "25" }), US, 10_000)).toEqual([]);
    expect(fields(accountIssues(account({ borrow_rate: "100", short_borrow_fee: "-1" }), US, 10_000))).toEqual([
      "borrow_rate",
      "short_borrow_fee",
    ]);
  });

  it("asks for stored rates only where there are some, and bounds fixed funding and pyramiding", () => {
    expect(fields(accountIssues(account({ funding: "series" }), US, 10_000))).toEqual(["funding"]);
    expect(accountIssues(account({ funding: "series" }), FUTURES, 10_000)).toEqual([]);
    expect(fields(accountIssues(account({ funding: "fixed", funding_rate: "6", funding_interval: "0.5" }), FUTURES, 10_000))).toEqual([
      "funding_rate",
      "funding_interval",
    ]);
    expect(fields(accountIssues(account({ pyramiding: "11" }), US, 10_000))).toEqual(["pyramiding"]);
    expect(fields(accountIssues(account({ pyramiding: "2.5" }), US, 10_000))).toEqual(["pyramiding"]);
  });

  it("is part of the form's schema and request, and its API errors land on its fields", () => {
    const values = {
      ...emptyFormValues(),
      strategy_id: "93c3ce20-63d3-49a1-8e13-c097cddacad8",
      symbol: "AAPL",
      interval: "1d",
      start_date: "2013-01-02",
      end_date: "2013-12-31",
      initial_capital: "10000",
      cost_preset: "us" as const,
      leverage: "3",
    };
    const parsed = backtestFormSchema({ parameters: [], symbol: aaplSample(), account: US, t }).safeParse(values);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["leverage", "At most 2x for this account."]]);
    expect(toBacktestRequest({ ...values, leverage: "2" }, []).leverage).toBe(2);
    const error = new ApiError({
      status: 422,
      type: "/problems/validation-failed",
      title: "Unprocessable request",
      fieldErrors: [{ field: "leverage", message: "must be at most 2 for the us account" }],
    });
    expect(splitFieldErrors(error, values).onFields).toEqual([{ field: "leverage", message: "must be at most 2 for the us account" }]);
  });

  it("reopens a run with its account, and a run stored before accounts with none", () => {
    const settings = runSettings({
      account: {
        preset: "us",
        leverage: 2,
        maintenance_margin: 0.25,
        borrow_rate: 0.08,
        short_borrow_fee: 0,
        funding: "none",
        funding_rate: 0,
        funding_interval: 8,
        pyramiding: 3,
        close_at_end_price: "open",
      },
    });
    expect(accountValuesFromRun(settings.account)).toEqual({
      leverage: "2",
      maintenance_margin: "25",
      pyramiding: "3",
      funding: "none",
      close_at_end_price: "open",
    });
    expect(accountValuesFromRun(null)).toEqual({});
    const prefill = prefillFromRun({
      strategy_id: "s",
      symbol: "AAPL",
      interval: "1d",
      start_date: "2013-01-02",
      end_date: "2013-12-31",
      initial_capital: 10_000,
      parameters: {},
      settings,
    });
    const href = newBacktestHref(prefill);
    const reopened = applyPrefill(emptyFormValues(), parsePrefill(new URLSearchParams(href.split("?")[1])));
    expect(reopened.leverage).toBe("2");
    expect(reopened.pyramiding).toBe("3");
    expect(reopened.close_at_end_price).toBe("open");
    expect(accountChanged(reopened)).toBe(true);
    // Anything else in the account JSON is ignored.
    const hostile = parsePrefill(
      new URLSearchParams({ account: JSON.stringify({ leverage: 5, funding: "free", close_at_end_price: "noon" }) }),
    );
    expect(hostile.account).toEqual({});
  });
});
