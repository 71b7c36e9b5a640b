"use client";

import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { SchemaBacktestResponse, SchemaRunAccount } from "@/lib/api/schema";
import { formatDateTime, formatInteger, formatMoney, formatNumber, formatPercent, localTimeZone } from "@/lib/format";
import { isTranslationKey, useLocale, useT } from "@/lib/i18n";
import { CostParts } from "./cost-parts";
import { PriceRows } from "./prices-result";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-3 border-b border-dashed py-1.5 last:border-0">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="text-right font-medium tabular-nums">{children}</dd>
    </div>
  );
}

/** The run's account (issue 18): what it levered, charged and how it closed at the end; absent for runs stored before. */
function AccountRows({ account }: { account: SchemaRunAccount }) {
  const t = useT();
  const locale = useLocale();
  const pct = (v: number | undefined) => formatPercent(v ?? 0, locale, { digits: 3 });
  const presetKey = `account.presets.${account.preset}`;
  const fundingKey = `account.fundingModes.${account.funding}`;
  return (
    <dl className="mt-2 border-t pt-2 text-sm" data-testid="run-account">
      <Row label={t("account.settings.preset")}>{isTranslationKey(presetKey) ? t(presetKey) : account.preset}</Row>
      <Row label={t("account.settings.leverage")}>
        <span data-testid="run-account-leverage">{formatNumber(account.leverage, locale, { maximumFractionDigits: 4 })}x</span>
      </Row>
      <Row label={t("account.settings.maintenanceMargin")}>
        {(account.maintenance_margin ?? 0) > 0 ? pct(account.maintenance_margin) : t("account.settings.none")}
      </Row>
      {(account.leverage ?? 1) > 1 && <Row label={t("account.settings.borrowRate")}>{pct(account.borrow_rate)}</Row>}
      {(account.short_borrow_fee ?? 0) > 0 && <Row label={t("account.settings.shortBorrowFee")}>{pct(account.short_borrow_fee)}</Row>}
      <Row label={t("account.settings.funding")}>
        {account.funding === "fixed"
          ? t("account.settings.fundingFixed", {
              rate: formatNumber((account.funding_rate ?? 0) * 100, locale, { maximumFractionDigits: 6 }),
              hours: account.funding_interval ?? 8,
            })
          : isTranslationKey(fundingKey)
            ? t(fundingKey)
            : account.funding}
      </Row>
      <Row label={t("account.settings.pyramiding")}>{formatInteger(account.pyramiding, locale)}</Row>
      <Row label={t("account.settings.closeAtEndPrice")}>
        {t(account.close_at_end_price === "open" ? "account.endPrices.open" : "account.endPrices.close")}
      </Row>
    </dl>
  );
}

/** What the run was: its settings, the parameters it used, its timings, and the code that ran. */
/** The run's settings, execution and code; a shared run (`shared`) shows no execution facts, and its code only when included. */
export function RunDetails({ run, shared = false }: { run: SchemaBacktestResponse; shared?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const settings = run.settings;
  const currency = settings?.currency;
  const costs = settings?.costs;
  const preset = (costs?.preset ?? "").split("+");
  const presetKey = `backtests.presets.${preset[0]}`;
  const pct = (v: number | undefined) => formatPercent(v ?? 0, locale, { digits: 3 });
  const zone = localTimeZone();
  const sizingKey = `backtests.sizing.${settings?.sizing?.type}`;
  const fillKey = `backtests.fill.${settings?.fill}`;
  const parameters = Object.entries(run.parameters ?? {});
  const result = run.result;
  const account = settings?.account;

  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <div className="grid grid-cols-1 content-start gap-4">
        <Card className="gap-3">
          <CardHeader>
            <CardTitle className="text-sm">{t("backtests.details.settings")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="text-sm" data-testid="run-settings">
              <Row label={t("backtests.form.initialCapital")}>{formatMoney(run.initial_capital, currency, locale)}</Row>
              <Row label={t("backtests.details.period")}>
                {run.start_date} → {run.end_date}
              </Row>
              <Row label={t("backtests.details.timeZone")}>{settings?.time_zone ?? "—"}</Row>
              <Row label={t("backtests.form.costPreset")}>
                {isTranslationKey(presetKey) ? t(presetKey) : (preset[0] ?? "—")}
                {preset[1] && (
                  <Badge variant="outline" className="ml-1.5">
                    {t("backtests.details.customized")}
                  </Badge>
                )}
              </Row>
              <Row label={t("backtests.form.costs.commission_rate")}>{pct(costs?.commission_rate)}</Row>
              {(costs?.commission_fixed ?? 0) > 0 && (
                <Row label={t("backtests.form.costs.commission_fixed")}>{formatMoney(costs?.commission_fixed, currency, locale)}</Row>
              )}
              {(costs?.commission_minimum ?? 0) > 0 && (
                <Row label={t("backtests.form.costs.commission_minimum")}>{formatMoney(costs?.commission_minimum, currency, locale)}</Row>
              )}
              <Row label={t("backtests.form.costs.sell_tax_rate")}>{pct(costs?.sell_tax_rate)}</Row>
              <Row label={t("backtests.form.costs.slippage_rate")}>{pct(costs?.slippage_rate)}</Row>
              {(costs?.slippage_ticks ?? 0) > 0 && (
                <Row label={t("backtests.form.costs.slippage_ticks")}>{formatNumber(costs?.slippage_ticks, locale)}</Row>
              )}
              {costs && ((costs.per_share_fee ?? 0) > 0 || costs.sell_fees) && (
                <Row label={t("costParts.otherFees")}>
                  <CostParts
                    costs={{ ...costs, commission_rate: 0, sell_tax_rate: 0, slippage_rate: 0, slippage_ticks: 0 }}
                    currency={currency}
                    day={run.end_date}
                    className="text-right font-normal"
                  />
                </Row>
              )}
              <Row label={t("backtests.form.sizing")}>
                {isTranslationKey(sizingKey) ? t(sizingKey) : settings?.sizing?.type}{" "}
                {settings?.sizing?.type === "fraction_of_equity"
                  ? formatPercent(settings.sizing.value, locale, { digits: 0 })
                  : settings?.sizing?.type === "fixed_cash"
                    ? formatMoney(settings.sizing.value, currency, locale)
                    : formatNumber(settings?.sizing?.value, locale, { maximumFractionDigits: 8 })}
              </Row>
              <Row label={t("backtests.form.fill")}>{isTranslationKey(fillKey) ? t(fillKey) : settings?.fill}</Row>
              <Row label={t("backtests.form.allow_short")}>
                {settings?.allow_short ? t("backtests.details.yes") : t("backtests.details.no")}
              </Row>
              <Row label={t("backtests.form.close_at_end")}>
                {settings?.close_at_end ? t("backtests.details.yes") : t("backtests.details.no")}
              </Row>
              <Row label={t("backtests.form.riskFreeRate")}>{formatPercent(settings?.risk_free_rate ?? 0, locale)}</Row>
              <Row label={t("backtests.details.benchmark")}>{run.benchmark ?? "—"}</Row>
            </dl>
            {settings?.prices && <PriceRows prices={settings.prices} krx={preset[0] === "krx"} Row={Row} />}
            {account && <AccountRows account={account} />}
          </CardContent>
        </Card>
        <Card className="gap-3">
          <CardHeader>
            <CardTitle className="text-sm">{t("backtests.details.parameters")}</CardTitle>
          </CardHeader>
          <CardContent>
            {parameters.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("parameters.none")}</p>
            ) : (
              <dl className="text-sm" data-testid="run-parameters">
                {parameters.map(([name, value]) => (
                  <Row key={name} label={name}>
                    <span className="font-mono">{formatNumber(value, locale, { maximumFractionDigits: 8 })}</span>
                  </Row>
                ))}
              </dl>
            )}
          </CardContent>
        </Card>
        {!shared && (
          <Card className="gap-3">
            <CardHeader>
              <CardTitle className="text-sm">{t("backtests.details.execution")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="text-sm">
                <Row label={t("backtests.details.createdAt")}>{formatDateTime(run.created_at, zone, { seconds: true })}</Row>
                <Row label={t("backtests.details.startedAt")}>{formatDateTime(run.started_at, zone, { seconds: true })}</Row>
                <Row label={t("backtests.details.completedAt")}>{formatDateTime(run.completed_at, zone, { seconds: true })}</Row>
                <Row label={t("backtests.details.duration")}>
                  {run.duration_ms != null
                    ? t("backtests.details.seconds", { value: formatNumber(run.duration_ms / 1000, locale, { maximumFractionDigits: 2 }) })
                    : "—"}
                </Row>
                <Row label={t("backtests.details.attempts")}>{formatInteger(run.attempts, locale)}</Row>
                {result && (
                  <>
                    <Row label={t("backtests.details.bars")}>{formatInteger(result.bar_count, locale)}</Row>
                    <Row label={t("backtests.details.fills")}>{formatInteger(result.fill_count, locale)}</Row>
                    <Row label={t("backtests.details.rejectedOrders")}>{formatInteger(result.rejected_orders, locale)}</Row>
                  </>
                )}
              </dl>
            </CardContent>
          </Card>
        )}
      </div>
      {(!shared || run.strategy_code != null) && (
        <Card className="min-w-0 gap-0 self-start overflow-hidden py-0">
          <div className="flex items-center justify-between gap-2 border-b px-4 py-2.5">
            <span className="text-sm font-medium">{t("backtests.details.code")}</span>
            <span className="text-xs text-muted-foreground">{run.strategy_name}</span>
          </div>
          <pre
            className="max-h-[32rem] overflow-auto bg-muted/30 py-3 text-[13px] leading-5"
            tabIndex={0}
            aria-label={t("backtests.details.code")}
            data-testid="run-code"
          >
            <code className="grid font-mono">
              {(run.strategy_code ?? "")
                .replace(/\n$/, "")
                .split("\n")
                .map((line, i) => (
                  <span key={i} className="grid grid-cols-[3rem_1fr]">
                    <span className="pr-3 text-right text-muted-foreground/70 select-none" aria-hidden>
                      {i + 1}
                    </span>
                    <span className="pr-4 whitespace-pre">{line || " "}</span>
                  </span>
                ))}
            </code>
          </pre>
        </Card>
      )}
    </div>
  );
}
