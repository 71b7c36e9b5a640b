import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api, unwrap } from "@/lib/api/client";
import type { operations } from "@/lib/api/schema";
import { INTERVALS } from "@/lib/intervals";
import { PRICE_BASES } from "@/lib/prices";
import { marketDataKeys } from "./get-symbols";

export const MARKETS = ["KRX", "NASDAQ", "NYSE", "UPBIT", "BINANCE", "CUSTOM"] as const;

/** The zone and currency a market's bars are usually in, to fill the form for a new symbol. */
export const MARKET_DEFAULTS: Record<(typeof MARKETS)[number], { currency: string; timeZone: string }> = {
  KRX: { currency: "KRW", timeZone: "Asia/Seoul" },
  NASDAQ: { currency: "USD", timeZone: "America/New_York" },
  NYSE: { currency: "USD", timeZone: "America/New_York" },
  UPBIT: { currency: "KRW", timeZone: "Asia/Seoul" },
  BINANCE: { currency: "USDT", timeZone: "UTC" },
  CUSTOM: { currency: "USD", timeZone: "UTC" },
};

export const csvImportSchema = z.object({
  file: z.instanceof(File, { error: "marketData.fileRequired" }).refine((file) => file.size > 0, { error: "marketData.fileEmpty" }),
  symbol: z
    .string()
    .trim()
    .min(1, { error: "validation.required" })
    .max(40, { error: "validation.max40" })
    .regex(/^[A-Za-z0-9._:/-]+$/, { error: "marketData.symbolCharacters" }),
  interval: z.enum(INTERVALS),
  name: z.string().trim().max(200, { error: "validation.max200" }),
  market: z.enum(MARKETS),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3,6}$/, { error: "marketData.currencyFormat" }),
  time_zone: z.string().trim().min(1, { error: "validation.required" }),
  skip_bad_rows: z.boolean(),
  /** Into the shared series everyone reads (administrators only); else the uploader's own. */
  shared: z.boolean(),
  /** The basis of the file's prices: raw (as traded) or split-adjusted. */
  price_basis: z.enum(PRICE_BASES),
  /** Refuse the file when it holds a one-day move that looks like an unrecorded split. */
  reject_on_suspected_split: z.boolean(),
});
export type CsvImportValues = z.infer<typeof csvImportSchema>;

type ImportQuery = operations["importCsv"]["parameters"]["query"];

export function importCsv(values: CsvImportValues) {
  const body = new FormData();
  body.append("file", values.file, values.file.name);
  const query: ImportQuery = {
    symbol: values.symbol.trim(),
    interval: values.interval,
    skip_bad_rows: values.skip_bad_rows,
    market: values.market,
    currency: values.currency.trim().toUpperCase(),
    time_zone: values.time_zone.trim(),
    ...(values.name.trim() ? { name: values.name.trim() } : {}),
    ...(values.shared ? { dataset: "shared" } : {}),
    price_basis: values.price_basis,
    ...(values.reject_on_suspected_split ? { reject_on_suspected_split: true } : {}),
  };
  return unwrap(
    api.POST("/api/v1/data/import", {
      params: { query },
      // The generated body type describes the multipart fields; the browser encodes the FormData.
      body: body as unknown as { file: string },
      bodySerializer: (value) => value,
    }),
  );
}

export function useImportCsv() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importCsv,
    onSettled: () => queryClient.invalidateQueries({ queryKey: marketDataKeys.all }),
  });
}
