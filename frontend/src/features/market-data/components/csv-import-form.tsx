"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { AlertCircleIcon, CheckCircle2Icon, UploadIcon } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyFieldErrors } from "@/components/forms/api-errors";
import { InputField, SelectField, SwitchField } from "@/components/forms/fields";
import { Form, FormField, FormItem, FormLabel, FormMessage } from "@/components/forms/form";
import { FormError } from "@/components/forms/form-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage, isApiError, type BadRow } from "@/lib/api/errors";
import type { SchemaImportView } from "@/lib/api/schema";
import { formatInteger } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { intervalLabel, INTERVALS } from "@/lib/intervals";
import { PRICE_BASES } from "@/lib/prices";
import { csvImportSchema, MARKET_DEFAULTS, MARKETS, useImportCsv, type CsvImportValues } from "../api/import-csv";
import { BadRowsTable } from "./bad-rows-table";
import { FileDrop } from "./file-drop";
import { SuspectedSplits } from "./suspected-splits";

type Outcome =
  | { kind: "imported"; view: SchemaImportView }
  | { kind: "rejected"; rows: BadRow[]; count: number; detail: string }
  | { kind: "split-rejected"; splits: { date: string; ratio: number }[] }
  | { kind: "failed"; message: string };

/**
 * Upload a CSV of bars. All or nothing: a file with bad rows is refused and every bad row is listed
 * by line; one click imports it again skipping exactly those rows. The bars are the uploader's own;
 * an administrator (`canShare`) may put them into the shared data instead.
 */
export function CsvImportForm({ canShare = false }: { canShare?: boolean }) {
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
      shared: false,
      price_basis: "raw",
      reject_on_suspected_split: false,
    },
  });

  const submit = async (values: CsvImportValues) => {
    setOutcome(null);
    try {
      const view = await importCsv.mutateAsync(values);
      setOutcome({ kind: "imported", view });
    } catch (error) {
      if (isApiError(error) && error.suspectedSplits.length > 0) {
        setOutcome({ kind: "split-rejected", splits: error.suspectedSplits });
      } else if (isApiError(error) && error.is("/problems/import-rejected") && error.badRows.length > 0) {
        setOutcome({ kind: "rejected", rows: error.badRows, count: error.badRowCount, detail: error.detail ?? "" });
      } else if (!applyFieldErrors(error, form.setError, ["symbol", "interval", "name", "market", "currency", "time_zone", "file"])) {
        const message = isApiError(error) && error.status === 413 ? t("marketData.fileTooLarge") : errorMessage(error, t);
        setOutcome({ kind: "failed", message });
      }
    }
  };

  const retrySkipping = () => {
    form.setValue("skip_bad_rows", true);
    void form.handleSubmit(submit)();
  };

  const importDespiteSplits = () => {
    form.setValue("reject_on_suspected_split", false);
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
          <InputField
            control={form.control}
            name="symbol"
            label={t("marketData.symbol")}
            placeholder="005930.KS"
            autoCapitalize="characters"
            spellCheck={false}
          />
          <SelectField
            control={form.control}
            name="interval"
            label={t("marketData.interval")}
            options={INTERVALS.map((interval) => ({ value: interval, label: intervalLabel(interval, t) }))}
          />
        </div>
        <fieldset className="grid gap-4 rounded-lg border p-4">
          <legend className="px-1 text-sm font-medium">{t("marketData.newSymbolTitle")}</legend>
          <p className="-mt-2 text-xs text-muted-foreground">{t("marketData.newSymbolHint")}</p>
          <InputField control={form.control} name="name" label={t("marketData.name")} placeholder={t("marketData.namePlaceholder")} />
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField
              control={form.control}
              name="market"
              label={t("marketData.market")}
              options={MARKETS.map((market) => ({ value: market, label: market }))}
              onValueChange={(value) => {
                const market = value as CsvImportValues["market"];
                form.setValue("currency", MARKET_DEFAULTS[market].currency);
                form.setValue("time_zone", MARKET_DEFAULTS[market].timeZone);
              }}
            />
            <InputField control={form.control} name="currency" label={t("marketData.currency")} spellCheck={false} />
            <InputField control={form.control} name="time_zone" label={t("marketData.timeZone")} spellCheck={false} list="tb-time-zones" />
          </div>
          <datalist id="tb-time-zones">
            {["Asia/Seoul", "America/New_York", "UTC", "Asia/Tokyo", "Europe/London"].map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </fieldset>
        <SelectField
          control={form.control}
          name="price_basis"
          label={t("prices.import.priceBasis")}
          description={<span className="break-keep">{t("prices.import.priceBasisHint")}</span>}
          options={PRICE_BASES.map((basis) => ({ value: basis, label: t(`prices.bases.${basis}`) }))}
          data-testid="price-basis"
        />
        <SwitchField
          control={form.control}
          name="reject_on_suspected_split"
          label={t("prices.import.rejectOnSplit")}
          description={<span className="break-keep">{t("prices.import.rejectOnSplitHint")}</span>}
        />
        <SwitchField
          control={form.control}
          name="skip_bad_rows"
          label={t("marketData.skipBadRows")}
          description={t("marketData.skipBadRowsHint")}
        />
        {canShare && <SwitchField control={form.control} name="shared" label={t("marketData.uploadShared")} />}
        <p className="text-xs text-muted-foreground" data-testid="private-upload-hint">
          {t("marketData.privateUploadHint")}
        </p>
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
          {outcome?.kind === "imported" && <SuspectedSplits splits={outcome.view.suspected_splits ?? []} />}
          {outcome?.kind === "split-rejected" && (
            <>
              <SuspectedSplits splits={outcome.splits} rejected />
              <div>
                <Button
                  type="button"
                  variant="outline"
                  onClick={importDespiteSplits}
                  disabled={importCsv.isPending}
                  data-testid="import-despite-splits"
                >
                  {t("prices.import.importAnyway")}
                </Button>
              </div>
            </>
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
          {outcome?.kind === "failed" && <FormError>{outcome.message}</FormError>}
        </div>
      </form>
    </Form>
  );
}
