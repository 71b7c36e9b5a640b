"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { AlertCircleIcon, CheckCircle2Icon, UploadIcon } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyFieldErrors } from "@/components/forms/api-errors";
import { InputField, SwitchField } from "@/components/forms/fields";
import { Form, FormField, FormItem, FormLabel, FormMessage } from "@/components/forms/form";
import { FormError } from "@/components/forms/form-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage, isApiError, type BadRow } from "@/lib/api/errors";
import type { SchemaActionsView } from "@/lib/api/schema";
import { useT } from "@/lib/i18n";
import { actionsImportSchema, useImportActions, type ActionsImportValues } from "../api/import-actions";
import { BadRowsTable } from "./bad-rows-table";
import { FileDrop } from "./file-drop";

type Outcome = { kind: "imported"; view: SchemaActionsView } | { kind: "rejected"; rows: BadRow[] } | { kind: "failed"; message: string };

/**
 * The line the API refused (a 422 `import-rejected` whose detail starts "line 3: ..."): the actions file
 * is parsed all or nothing, so the first bad line is the one reported. Nothing for a refusal of the
 * whole file (empty, too many lines), whose detail is shown as it is.
 */
function lineError(error: unknown): BadRow | null {
  if (!isApiError(error) || error.status !== 422 || !error.detail) return null;
  const match = /^line (\d+): (.+?)(?:\. Nothing was imported[\s\S]*)?$/.exec(error.detail);
  return match ? { line: Number(match[1]), reason: match[2]! } : null;
}

/**
 * Upload a CSV of corporate actions for a symbol (`date,type,value,end_date`: splits, cash dividends,
 * halts). All or nothing: a file with a bad line is refused, and the line and what is wrong with it
 * listed as the bar import lists its bad rows. `symbol` fixes the symbol (the symbol page); `canShare` lets an administrator put the
 * actions on the shared series.
 */
export function ActionsImportForm({ symbol, canShare = false }: { symbol?: string; canShare?: boolean }) {
  const t = useT();
  const importActions = useImportActions();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const form = useForm<ActionsImportValues>({
    resolver: zodResolver(actionsImportSchema),
    defaultValues: { file: undefined, symbol: symbol ?? "", shared: false },
  });

  const submit = async (values: ActionsImportValues) => {
    setOutcome(null);
    try {
      setOutcome({ kind: "imported", view: await importActions.mutateAsync(values) });
    } catch (error) {
      const row = lineError(error);
      if (row) setOutcome({ kind: "rejected", rows: [row] });
      else if (!applyFieldErrors(error, form.setError, ["symbol", "file"])) {
        const message = isApiError(error) && error.status === 413 ? t("marketData.fileTooLarge") : errorMessage(error, t);
        setOutcome({ kind: "failed", message });
      }
    }
  };

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(submit)} noValidate className="grid gap-4" aria-label={t("prices.actions.uploadTitle")}>
        <p className="text-xs break-keep text-muted-foreground">{t("prices.actions.uploadHint")}</p>
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
                }}
                accept=".csv,.txt,text/csv"
                formats={t("prices.actions.fileFormats")}
                invalid={!!fieldState.error}
              />
              <FormMessage />
            </FormItem>
          )}
        />
        {!symbol && (
          <InputField
            control={form.control}
            name="symbol"
            label={t("marketData.symbol")}
            placeholder="005930.KS"
            autoCapitalize="characters"
            spellCheck={false}
            data-testid="actions-symbol"
          />
        )}
        {canShare && <SwitchField control={form.control} name="shared" label={t("marketData.uploadShared")} />}
        <div>
          <Button type="submit" disabled={importActions.isPending} data-testid="upload-actions">
            {importActions.isPending ? <Spinner /> : <UploadIcon />}
            {importActions.isPending ? t("prices.actions.uploading") : t("prices.actions.upload")}
          </Button>
        </div>
        <div aria-live="polite" className="grid gap-3">
          {outcome?.kind === "imported" && (
            <Alert variant="success" data-testid="actions-imported">
              <CheckCircle2Icon />
              <AlertTitle className="line-clamp-none break-keep">
                {t("prices.actions.imported", { count: outcome.view.imported, symbol: outcome.view.symbol })}
              </AlertTitle>
            </Alert>
          )}
          {outcome?.kind === "rejected" && (
            <>
              <Alert variant="destructive" data-testid="actions-rejected">
                <AlertCircleIcon />
                <AlertTitle className="line-clamp-none break-keep">
                  {t("marketData.rejectedTitle", { count: outcome.rows.length })}
                </AlertTitle>
                <AlertDescription className="break-keep">{t("prices.actions.rejected")}</AlertDescription>
              </Alert>
              <BadRowsTable rows={outcome.rows} />
            </>
          )}
          {outcome?.kind === "failed" && <FormError>{outcome.message}</FormError>}
        </div>
      </form>
    </Form>
  );
}
