import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api, unwrap } from "@/lib/api/client";
import { INTERVALS } from "@/lib/intervals";
import { marketDataKeys } from "./get-symbols";

export const SOURCES = ["upbit", "binance", "yahoo"] as const;
export type Source = (typeof SOURCES)[number];

/** Monthly bars are imported as CSV or resampled from days: no fetch serves them. */
const FETCHED = INTERVALS.filter((interval) => interval !== "1M");

/** What each exchange serves (Yahoo has no 4-hour bars); the API refuses other intervals for a source. */
export const SOURCE_INTERVALS: Record<Source, readonly string[]> = {
  upbit: FETCHED,
  binance: FETCHED,
  yahoo: FETCHED.filter((interval) => interval !== "4h"),
};

export const SOURCE_EXAMPLES: Record<Source, string> = {
  upbit: "KRW-BTC",
  binance: "BTCUSDT",
  yahoo: "005930.KS",
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const fetchSchema = z
  .object({
    source: z.enum(SOURCES),
    symbol: z
      .string()
      .trim()
      .min(1, { error: "validation.required" })
      .max(40, { error: "validation.max40" })
      .regex(/^[A-Za-z0-9._^=-]+$/, { error: "marketData.symbolCharacters" }),
    interval: z.string().min(1, { error: "validation.required" }),
    start: z.string().regex(isoDate, { error: "validation.date" }),
    end: z.union([z.literal(""), z.string().regex(isoDate, { error: "validation.date" })]),
  })
  .refine((value) => SOURCE_INTERVALS[value.source].includes(value.interval), {
    error: "marketData.intervalUnavailable",
    path: ["interval"],
  })
  .refine((value) => !value.end || value.end > value.start, { error: "marketData.endAfterStart", path: ["end"] })
  .refine((value) => value.start <= new Date().toISOString().slice(0, 10), {
    error: "marketData.startInFuture",
    path: ["start"],
  });
export type FetchValues = z.infer<typeof fetchSchema>;

export function startFetch(values: FetchValues) {
  const symbol = values.symbol.trim();
  return unwrap(
    api.POST("/api/v1/data/import", {
      // The spec merges the CSV and JSON forms of this endpoint; these two query values are the CSV form's.
      params: { query: { symbol, interval: values.interval } },
      body: {
        source: values.source,
        symbol,
        interval: values.interval,
        start: values.start,
        ...(values.end ? { end: values.end } : {}),
      },
    }),
  );
}

export function useStartFetch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startFetch,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: marketDataKeys.imports() }),
  });
}
