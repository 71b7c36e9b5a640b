"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { AlertCircleIcon, CheckCircle2Icon, UploadIcon } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyFieldErrors } from "@/components/forms/api-errors";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/forms/form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { Switch } from "@/components/ui/switch";
import { isApiError, type BadRow } from "@/lib/api/errors";
import type { SchemaImportView } from "@/lib/api/schema";
import { formatInteger } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { intervalLabel, INTERVALS } from "@/lib/intervals";
import { csvImportSchema, MARKET_DEFAULTS, MARKETS, useImportCsv, type CsvImportValues } from "../api/import-csv";
import { BadRowsTable } from "./bad-rows-table";
import { FileDrop } from "./file-drop";

type Outcome =
  | { kind: "imported"; view: SchemaImportView }
  | { kind: "rejected"; rows: BadRow[]; count: number; detail: string }
  | { kind: "failed"; message: string };

/**
 * Upload a CSV of bars. All or nothing: a file with bad rows is refused and every bad row is listed
 * by line; one click imports it again skipping exactly those rows.
 */
export function CsvImportForm() {
  const t = useT();
  const locale = useLocale();
  const importCsv = useImportCsv();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const form = useForm<CsvImportValues>({
    resolver: zodResolver(csvImportSchema),
    defaultValues: {
      file: undefined,
      symbol: "",
      interval: "1d",
      name: "",
      market: "KRX",
      currency: MARKET_DEFAULTS.KRX.currency,
      time_zone: MARKET_DEFAULTS.KRX.timeZone,
      skip_bad_rows: false,
    },
  });

  const submit = async (values: CsvImportValues) => {
    setOutcome(null);
    try {
      const view = await importCsv.mutateAsync(values);
      setOutcome({ kind: "imported", view });
    } catch (error) {
      if (isApiError(error) && error.is("/problems/import-rejected") && error.badRows.length > 0) {
        setOutcome({ kind: "rejected", rows: error.badRows, count: error.badRowCount, detail: error.detail ?? "" });
      } else if (!applyFieldErrors(error, form.setError, ["symbol", "interval", "name", "market", "currency", "time_zone", "file"])) {
        const message = !isApiError(error)
          ? t("errors.unexpected")
          : error.status === 413
            ? t("marketData.fileTooLarge")
            : error.status === 0
              ? t("errors.network")
              : (error.detail ?? error.title);
        setOutcome({ kind: "failed", message });
      }
    }
  };

  const retrySkipping = () => {
    form.setValue("skip_bad_rows", true);
    void form.handleSubmit(submit)();
  };

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(submit)} noValidate className="grid gap-4" aria-label={t("marketData.uploadTitle")}>
        <FormField
          control={form.control}
          name="file"
          render={({ field, fieldState }) => (
            <FormItem>
              <FormLabel>{t("marketData.file")}</FormLabel>
              <FileDrop
                file={field.value}
                onFile={(file) => {
                  field.onChange(file);
                  setOutcome(null);
                  const stem = file?.name.replace(/\.[^.]+$/, "") ?? "";
                  if (file && !form.getValues("symbol") && /^[A-Za-z0-9._-]{1,40}$/.test(stem)) {
                    form.setValue("symbol", stem.toUpperCase());
                  }
                }}
                accept=".csv,.txt,text/csv"
                invalid={!!fieldState.error}
              />
              <FormMessage />
            </FormItem>
          )}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            control={form.control}
            name="symbol"
            render={({ field }) => (
              <FormItem>
                <FormLabel>{t("marketData.symbol")}</FormLabel>
                <FormControl>
                  <Input {...field} placeholder="005930.KS" autoCapitalize="characters" spellCheck={false} />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
          <FormField
            control={form.control}
            name="interval"
            render={({ field }) => (
              <FormItem>
                <FormLabel>{t("marketData.interval")}</FormLabel>
                <Select value={field.value} onValueChange={field.onChange}>
                  <FormControl>
                    <SelectTrigger className="w-full">
                      <SelectValue />
                    </SelectTrigger>
                  </FormControl>
                  <SelectContent>
                    {INTERVALS.map((interval) => (
                      <SelectItem key={interval} value={interval}>
                        {intervalLabel(interval, t)}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
                <FormMessage />
              </FormItem>
            )}
          />
        </div>
        <fieldset className="grid gap-4 rounded-lg border p-4">
          <legend className="px-1 text-sm font-medium">{t("marketData.newSymbolTitle")}</legend>
          <p className="-mt-2 text-xs text-muted-foreground">{t("marketData.newSymbolHint")}</p>
          <FormField
            control={form.control}
            name="name"
            render={({ field }) => (
              <FormItem>
                <FormLabel>{t("marketData.name")}</FormLabel>
                <FormControl>
                  <Input {...field} placeholder={t("marketData.namePlaceholder")} />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
          <div className="grid gap-4 sm:grid-cols-3">
            <FormField
              control={form.control}
              name="market"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("marketData.market")}</FormLabel>
                  <Select
                    value={field.value}
                    onValueChange={(value) => {
                      const market = value as CsvImportValues["market"];
                      field.onChange(market);
                      form.setValue("currency", MARKET_DEFAULTS[market].currency);
                      form.setValue("time_zone", MARKET_DEFAULTS[market].timeZone);
                    }}
                  >
                    <FormControl>
                      <SelectTrigger className="w-full">
                        <SelectValue />
                      </SelectTrigger>
                    </FormControl>
                    <SelectContent>
                      {MARKETS.map((market) => (
                        <SelectItem key={market} value={market}>
                          {market}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="currency"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("marketData.currency")}</FormLabel>
                  <FormControl>
                    <Input {...field} spellCheck={false} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="time_zone"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("marketData.timeZone")}</FormLabel>
                  <FormControl>
                    <Input {...field} spellCheck={false} list="tb-time-zones" />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
          </div>
          <datalist id="tb-time-zones">
            {["Asia/Seoul", "America/New_York", "UTC", "Asia/Tokyo", "Europe/London"].map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </fieldset>
        <FormField
          control={form.control}
          name="skip_bad_rows"
          render={({ field }) => (
            <FormItem className="flex items-start justify-between gap-4">
              <div className="grid gap-1">
                <FormLabel>{t("marketData.skipBadRows")}</FormLabel>
                <FormDescription>{t("marketData.skipBadRowsHint")}</FormDescription>
              </div>
              <FormControl>
                <Switch checked={field.value} onCheckedChange={field.onChange} />
              </FormControl>
            </FormItem>
          )}
        />
        <div>
          <Button type="submit" disabled={importCsv.isPending} data-testid="upload-csv">
            {importCsv.isPending ? <Spinner /> : <UploadIcon />}
            {importCsv.isPending ? t("marketData.uploading") : t("marketData.upload")}
          </Button>
        </div>

        <div aria-live="polite" className="grid gap-3">
          {outcome?.kind === "imported" && (
            <Alert variant="success" data-testid="import-success">
              <CheckCircle2Icon />
              <AlertTitle>{t("marketData.importedTitle", { symbol: outcome.view.symbol ?? "" })}</AlertTitle>
              <AlertDescription>
                {t("marketData.importedCounts", {
                  read: formatInteger(outcome.view.rows_read, locale),
                  inserted: formatInteger(outcome.view.rows_inserted, locale),
                  updated: formatInteger(outcome.view.rows_updated, locale),
                  skipped: formatInteger(outcome.view.rows_skipped, locale),
                })}
              </AlertDescription>
            </Alert>
          )}
          {outcome?.kind === "imported" && (outcome.view.bad_rows?.length ?? 0) > 0 && (
            <BadRowsTable rows={(outcome.view.bad_rows ?? []).map((r) => ({ line: r.line ?? 0, reason: r.reason ?? "" }))} />
          )}
          {outcome?.kind === "rejected" && (
            <>
              <Alert variant="destructive" data-testid="import-rejected">
                <AlertCircleIcon />
                <AlertTitle>{t("marketData.rejectedTitle", { count: outcome.count })}</AlertTitle>
                <AlertDescription>
                  <p>{t("marketData.rejectedDescription")}</p>
                  {outcome.count > outcome.rows.length && (
                    <p>{t("marketData.rejectedTruncated", { shown: outcome.rows.length, count: outcome.count })}</p>
                  )}
                </AlertDescription>
              </Alert>
              <BadRowsTable rows={outcome.rows} />
              <div>
                <Button type="button" variant="outline" onClick={retrySkipping} disabled={importCsv.isPending}>
                  {t("marketData.importSkipping", { count: outcome.count })}
                </Button>
              </div>
            </>
          )}
          {outcome?.kind === "failed" && (
            <Alert variant="destructive">
              <AlertCircleIcon />
              <AlertDescription>{outcome.message}</AlertDescription>
            </Alert>
          )}
        </div>
      </form>
    </Form>
  );
}
