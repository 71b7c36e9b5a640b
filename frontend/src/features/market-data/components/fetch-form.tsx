"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { DownloadCloudIcon } from "lucide-react";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { applyFieldErrors } from "@/components/forms/api-errors";
import { InputField, SelectField } from "@/components/forms/fields";
import { Form } from "@/components/forms/form";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/api/errors";
import { useT } from "@/lib/i18n";
import { intervalLabel } from "@/lib/intervals";
import { fetchSchema, SOURCE_EXAMPLES, SOURCE_INTERVALS, SOURCES, useStartFetch, type FetchValues, type Source } from "../api/start-fetch";
import { ImportProgress } from "./import-progress";

function yearAgo(): string {
  const date = new Date();
  date.setFullYear(date.getFullYear() - 1);
  return date.toISOString().slice(0, 10);
}

/** Fetch bars from Upbit, Binance or Yahoo in the background and follow the import's progress. */
export function FetchForm() {
  const t = useT();
  const start = useStartFetch();
  const [importId, setImportId] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FetchValues>({
    resolver: zodResolver(fetchSchema),
    defaultValues: { source: "upbit", symbol: "", interval: "1d", start: yearAgo(), end: "" },
  });
  const source = useWatch({ control: form.control, name: "source" });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const view = await start.mutateAsync(values);
      setImportId(view.id ?? null);
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, ["source", "symbol", "interval", "start", "end"])) {
        setFormError(errorMessage(error, t));
      }
    }
  });

  return (
    <div className="grid gap-4">
      <Form {...form}>
        <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label={t("marketData.fetchTitle")}>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              control={form.control}
              name="source"
              label={t("marketData.source")}
              options={SOURCES.map((option) => ({ value: option, label: t(`marketData.sources.${option}`) }))}
              onValueChange={(value) => {
                if (!SOURCE_INTERVALS[value as Source].includes(form.getValues("interval"))) form.setValue("interval", "1d");
              }}
            />
            <InputField
              control={form.control}
              name="symbol"
              label={t("marketData.symbol")}
              description={t(`marketData.symbolHints.${source}`)}
              placeholder={SOURCE_EXAMPLES[source]}
              spellCheck={false}
              autoCapitalize="characters"
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField
              control={form.control}
              name="interval"
              label={t("marketData.interval")}
              options={SOURCE_INTERVALS[source].map((interval) => ({ value: interval, label: intervalLabel(interval, t) }))}
            />
            <InputField control={form.control} name="start" label={t("marketData.start")} type="date" />
            <InputField control={form.control} name="end" label={t("marketData.end")} description={t("marketData.endHint")} type="date" />
          </div>
          {formError && <FormError>{formError}</FormError>}
          <div>
            <Button type="submit" disabled={start.isPending} data-testid="start-fetch">
              {start.isPending ? <Spinner /> : <DownloadCloudIcon />}
              {t("marketData.startFetch")}
            </Button>
          </div>
        </form>
      </Form>
      <div aria-live="polite">{importId && <ImportProgress id={importId} />}</div>
    </div>
  );
}
