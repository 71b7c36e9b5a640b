import type { SchemaAccountDefaults, SchemaBacktestRequest, SchemaRunAccount } from "@/lib/api/schema";
import { parseNumber } from "@/lib/format";

/**
 * The run form's account section (issue 18): leverage, maintenance margin, borrowing, funding,
 * pyramiding and the end-of-data price. Every field left empty takes the symbol's preset default
 * (GET /api/v1/backtests/account-defaults), so a run that does not open the section is exactly the
 * run it was before; the rules mirror the API's (AccountResolver).
 */

export const FUNDING_MODES = ["default", "none", "series", "fixed"] as const;
export type FundingMode = (typeof FUNDING_MODES)[number];
export const END_PRICES = ["close", "open"] as const;
export type EndPriceChoice = (typeof END_PRICES)[number];

/** The API's bounds that do not depend on the preset. */
export const MAX_FUNDING_RATE_PERCENT = 5;
export const MAX_FUNDING_HOURS = 168;

export interface AccountFormValues {
  /** Times equity, as typed; empty: 1 (no borrowing). */
  leverage: string;
  /** Percent of position value, as typed; empty: the preset's once the run levers. */
  maintenance_margin: string;
  /** Percent a year; empty: the preset's. */
  borrow_rate: string;
  /** Percent a year; empty: the preset's. */
  short_borrow_fee: string;
  funding: FundingMode;
  /** Percent per interval, with funding "fixed"; empty: the preset's. */
  funding_rate: string;
  /** Whole hours, with funding "fixed"; empty: the preset's. */
  funding_interval: string;
  /** Entries in one direction; empty: the strategy's setting, else 1. */
  pyramiding: string;
  close_at_end_price: EndPriceChoice;
}

/** The section's fields, in the order of the form. */
export const ACCOUNT_FIELDS = [
  "leverage",
  "pyramiding",
  "maintenance_margin",
  "borrow_rate",
  "short_borrow_fee",
  "funding",
  "funding_rate",
  "funding_interval",
  "close_at_end_price",
] as const satisfies readonly (keyof AccountFormValues)[];

export const emptyAccountValues = (): AccountFormValues => ({
  leverage: "",
  maintenance_margin: "",
  borrow_rate: "",
  short_borrow_fee: "",
  funding: "default",
  funding_rate: "",
  funding_interval: "",
  pyramiding: "",
  close_at_end_price: "close",
});

const given = (text: string) => (text.trim() === "" ? null : parseNumber(text));
const fraction = (percent: number) => +(percent / 100).toPrecision(12);

/** Whether the user changed anything of the account: the section then opens by itself when the form is reopened. */
export function accountChanged(values: AccountFormValues): boolean {
  const empty = emptyAccountValues();
  return (Object.keys(empty) as (keyof AccountFormValues)[]).some((key) => values[key] !== empty[key]);
}

/**
 * The most leverage the preset allows a run of this capital: the preset's maximum, and with leverage
 * tiers (crypto futures) also the tier of the largest position, capital x leverage. Tiers only
 * lower the maximum as positions grow, so the smaller of the two is the limit.
 */
export function maxLeverageFor(defaults: SchemaAccountDefaults | undefined, capital: number | null, leverage: number): number | null {
  if (!defaults) return null;
  const presetMax = defaults.max_leverage ?? 1;
  const tiers = defaults.tiers ?? [];
  if (tiers.length === 0 || capital === null) return presetMax;
  const position = capital * leverage;
  const tier = tiers.find((t) => t.up_to == null || position <= t.up_to) ?? tiers[tiers.length - 1];
  return Math.min(presetMax, tier?.max_leverage ?? presetMax);
}

/** One problem of the account fields: the form field and its translation key with values. */
export interface AccountIssue {
  field: keyof AccountFormValues;
  key: string;
  values?: Record<string, string | number>;
}

/** The account fields' problems, as the API would report them (so the form says so before sending). */
export function accountIssues(
  values: AccountFormValues,
  defaults: SchemaAccountDefaults | undefined,
  capital: number | null,
): AccountIssue[] {
  const issues: AccountIssue[] = [];
  const number = (field: keyof AccountFormValues) => {
    const text = values[field];
    if (typeof text !== "string" || text.trim() === "") return null;
    const value = parseNumber(text);
    if (value === null) issues.push({ field, key: "backtests.validation.number" });
    return value;
  };
  const leverage = number("leverage");
  if (leverage !== null) {
    const max = maxLeverageFor(defaults, capital, leverage);
    if (leverage < 1) issues.push({ field: "leverage", key: "account.validation.leverageMin" });
    else if (max !== null && leverage > max) {
      issues.push({ field: "leverage", key: "account.validation.leverageMax", values: { max, preset: defaults?.preset ?? "" } });
    }
  }
  const maintenance = number("maintenance_margin");
  if (maintenance !== null) {
    if (maintenance < 0 || maintenance >= 100) issues.push({ field: "maintenance_margin", key: "account.validation.percentRange" });
    else if (maintenance > 0 && (leverage ?? 1) >= 1 && maintenance >= 100 / (leverage ?? 1)) {
      issues.push({
        field: "maintenance_margin",
        key: "account.validation.maintenanceBelowInitial",
        values: { max: +(100 / (leverage ?? 1)).toPrecision(6) },
      });
    }
  }
  for (const field of ["borrow_rate", "short_borrow_fee"] as const) {
    const value = number(field);
    if (value !== null && (value < 0 || value >= 100)) issues.push({ field, key: "account.validation.percentRange" });
  }
  if (values.funding === "series" && defaults && !defaults.funding_series) {
    issues.push({ field: "funding", key: "account.validation.noSeries" });
  }
  if (values.funding === "fixed") {
    const rate = number("funding_rate");
    if (rate !== null && Math.abs(rate) > MAX_FUNDING_RATE_PERCENT)
      issues.push({ field: "funding_rate", key: "account.validation.fundingRate" });
    const hours = number("funding_interval");
    if (hours !== null && (!Number.isInteger(hours) || hours < 1 || hours > MAX_FUNDING_HOURS)) {
      issues.push({ field: "funding_interval", key: "account.validation.fundingInterval" });
    }
  }
  const pyramiding = number("pyramiding");
  if (pyramiding !== null) {
    const max = defaults?.max_pyramiding ?? 100;
    if (!Number.isInteger(pyramiding) || pyramiding < 1 || pyramiding > max) {
      issues.push({ field: "pyramiding", key: "account.validation.pyramiding", values: { max } });
    }
  }
  return issues;
}

/** The request's account fields: only those given (the API fills in the preset's defaults for the rest). */
export function toAccountRequest(values: AccountFormValues): Partial<SchemaBacktestRequest> {
  const request: Partial<SchemaBacktestRequest> = {};
  const leverage = given(values.leverage);
  if (leverage !== null) request.leverage = leverage;
  const maintenance = given(values.maintenance_margin);
  if (maintenance !== null) request.maintenance_margin = fraction(maintenance);
  const borrow = given(values.borrow_rate);
  if (borrow !== null) request.borrow_rate = fraction(borrow);
  const shortFee = given(values.short_borrow_fee);
  if (shortFee !== null) request.short_borrow_fee = fraction(shortFee);
  if (values.funding !== "default") request.funding = values.funding;
  if (values.funding === "fixed") {
    const rate = given(values.funding_rate);
    if (rate !== null) request.funding_rate = fraction(rate);
    const hours = given(values.funding_interval);
    if (hours !== null) request.funding_interval = `${Math.round(hours)}h`;
  }
  const pyramiding = given(values.pyramiding);
  if (pyramiding !== null) request.pyramiding = pyramiding;
  if (values.close_at_end_price === "open") request.close_at_end_price = "open";
  return request;
}

/** The API's account field errors, mapped onto the section's fields. */
export function accountFormField(apiField: string): keyof AccountFormValues | null {
  switch (apiField) {
    case "leverage":
    case "maintenance_margin":
    case "borrow_rate":
    case "short_borrow_fee":
    case "funding":
    case "funding_rate":
    case "funding_interval":
    case "pyramiding":
    case "close_at_end_price":
      return apiField;
    default:
      return null;
  }
}

/** The account of a finished run as form values, to run it again with changes (a run stored before accounts has none). */
export function accountValuesFromRun(account: SchemaRunAccount | null | undefined): Partial<AccountFormValues> {
  if (!account) return {};
  const percent = (value: number | undefined) => (value == null ? "" : String(+(value * 100).toPrecision(12)));
  const values: Partial<AccountFormValues> = {};
  if (account.leverage != null && account.leverage !== 1) values.leverage = String(account.leverage);
  if (account.leverage != null && account.leverage !== 1) values.maintenance_margin = percent(account.maintenance_margin);
  if (account.pyramiding != null && account.pyramiding !== 1) values.pyramiding = String(account.pyramiding);
  if (account.funding === "fixed") {
    values.funding = "fixed";
    values.funding_rate = percent(account.funding_rate);
    values.funding_interval = account.funding_interval == null ? "" : String(account.funding_interval);
  } else if (account.funding === "none" || account.funding === "series") {
    values.funding = account.funding;
  }
  if (account.close_at_end_price === "open") values.close_at_end_price = "open";
  return values;
}
