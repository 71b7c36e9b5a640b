"use client";

import { useMemo } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_STYLE, GRID_STYLE } from "@/components/charts/chart-style";
import type { SchemaEquityChart } from "@/lib/api/schema";
import { formatBarTime, formatDate, formatMoney } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";

const LINE = { type: "linear", dot: false, isAnimationActive: false } as const;

/** The preview's equity against buy-and-hold, small: the run page has the full chart with drawdown and zoom. */
export function PreviewEquity({
  equity,
  currency,
  zone,
  interval,
}: {
  equity: SchemaEquityChart | undefined;
  currency: string | undefined;
  zone: string;
  interval: string;
}) {
  const t = useT();
  const locale = useLocale();
  const points = useMemo(
    () => (equity?.time ?? []).map((time, i) => ({ time, equity: equity?.equity?.[i] ?? null, hold: equity?.buy_and_hold?.[i] ?? null })),
    [equity],
  );
  return (
    <div className="h-40 select-none" role="img" aria-label={t("backtests.chart.equityLabel")} data-testid="preview-equity">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid {...GRID_STYLE} />
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tickFormatter={(time: number) => formatDate(time, zone).slice(0, 7)}
            {...AXIS_STYLE}
            minTickGap={48}
          />
          <YAxis
            tickFormatter={(v: number) => formatMoney(v, currency, locale, { compact: true })}
            {...AXIS_STYLE}
            width={56}
            domain={["auto", "auto"]}
          />
          <Tooltip
            labelFormatter={(time) => formatBarTime(Number(time), interval, zone)}
            formatter={(value) => formatMoney(Number(value), currency, locale)}
            contentStyle={{ fontSize: 12, background: "var(--popover)", border: "1px solid var(--border)", borderRadius: 6 }}
          />
          <Line
            {...LINE}
            dataKey="hold"
            name={t("backtests.chart.buyAndHold")}
            stroke="var(--muted-foreground)"
            strokeDasharray="4 3"
            strokeWidth={1.25}
          />
          <Line {...LINE} dataKey="equity" name={t("backtests.chart.equity")} stroke="var(--primary)" strokeWidth={2} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
