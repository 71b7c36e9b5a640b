"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { applyFieldErrors } from "@/components/forms/api-errors";
import { InputField, LabelledField } from "@/components/forms/fields";
import { Form, FormControl } from "@/components/forms/form";
import { FormError } from "@/components/forms/form-error";
import { ErrorState } from "@/components/layouts/states";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { isApiError } from "@/lib/api/errors";
import type { SchemaUniverseResponse } from "@/lib/api/schema";
import { useUniverse } from "@/lib/api/universes";
import { useT } from "@/lib/i18n";
import { formatSymbolList, MAX_UNIVERSE_SYMBOLS, parseSymbolList } from "@/lib/symbol-list";
import { toRequest, universeFormSchema, useSaveUniverse, type UniverseFormValues } from "../api/save-universe";
import { SymbolChips } from "./symbol-chips";

const EMPTY: UniverseFormValues = { name: "", description: "", symbols: "" };

function valuesOf(universe: SchemaUniverseResponse): UniverseFormValues {
  return { name: universe.name ?? "", description: universe.description ?? "", symbols: formatSymbolList(universe.symbols ?? []) };
}

/**
 * Creates a universe (`universeId` null) or edits one in a dialog; a universe the caller may not change
 * (a shared one, for everyone but administrators) opens read-only. The symbol box takes a pasted list
 * in any separators; below it, what will be saved: the count, entries that are not tickers, repeats
 * dropped, and (for a saved universe) the symbols that have no data yet.
 */
export function UniverseEditor({
  universeId,
  open,
  onOpenChange,
}: {
  universeId: string | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useT();
  const detail = useUniverse(open ? universeId : null);
  const loading = universeId !== null && !detail.data;
  const readOnly = universeId !== null && detail.data?.editable === false;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t("common.close")} className="sm:max-w-2xl" data-testid="universe-editor">
        <DialogHeader>
          <DialogTitle>
            {universeId === null ? t("universes.newTitle") : readOnly ? (detail.data?.name ?? "") : t("universes.editTitle")}
          </DialogTitle>
          <DialogDescription className="break-keep">
            {readOnly ? t("universes.readOnlyDescription") : t("universes.editorDescription")}
          </DialogDescription>
        </DialogHeader>
        {detail.isError ? (
          <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
        ) : loading ? (
          <div className="grid gap-3" aria-busy="true">
            <Skeleton className="h-9" />
            <Skeleton className="h-24" />
          </div>
        ) : (
          <UniverseForm
            key={detail.data?.id ?? "new"}
            universe={detail.data ?? null}
            readOnly={readOnly}
            onDone={() => onOpenChange(false)}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}

function UniverseForm({ universe, readOnly, onDone }: { universe: SchemaUniverseResponse | null; readOnly: boolean; onDone: () => void }) {
  const t = useT();
  const save = useSaveUniverse(universe?.id ?? null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<UniverseFormValues>({
    resolver: zodResolver(universeFormSchema),
    defaultValues: universe ? valuesOf(universe) : EMPTY,
  });
  const text = useWatch({ control: form.control, name: "symbols" });
  const list = parseSymbolList(text ?? "");
  const missing = (universe?.missing_symbols ?? []).filter((s) => list.symbols.includes(s));

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = await save.mutateAsync(toRequest(values));
      toast.success(t("universes.saved"));
      if ((saved.missing_symbols ?? []).length > 0) {
        toast.warning(t("universes.savedWithMissing", { count: saved.missing_symbols?.length ?? 0 }));
      }
      onDone();
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, ["name", "description", "symbols"])) {
        setFormError(isApiError(error) ? (error.detail ?? error.title) : t("errors.unexpected"));
      }
    }
  });

  return (
    <Form {...form}>
      <form onSubmit={onSubmit} noValidate className="grid min-w-0 gap-4">
        {formError && <FormError>{formError}</FormError>}
        <InputField control={form.control} name="name" label={t("universes.name")} readOnly={readOnly} maxLength={100} />
        <LabelledField
          control={form.control}
          name="description"
          label={t("universes.descriptionLabel")}
          render={(field) => (
            <FormControl>
              <Textarea {...field} readOnly={readOnly} rows={2} maxLength={1000} className="max-h-32" />
            </FormControl>
          )}
        />
        <LabelledField
          control={form.control}
          name="symbols"
          label={t("universes.symbols")}
          description={
            readOnly ? undefined : <span className="break-keep">{t("universes.symbolsHint", { max: MAX_UNIVERSE_SYMBOLS })}</span>
          }
          render={(field) => (
            <FormControl>
              <Textarea
                {...field}
                readOnly={readOnly}
                rows={4}
                placeholder="SPY, QQQ, TLT, GLD"
                spellCheck={false}
                autoCapitalize="characters"
                className="max-h-48 font-mono"
                data-testid="universe-symbols"
              />
            </FormControl>
          )}
        />
        <div className="grid gap-2" aria-live="polite">
          <p className="text-sm text-muted-foreground tabular-nums" data-testid="universe-symbol-count">
            {t("universes.symbolCount", { count: list.symbols.length })}
            {list.duplicates > 0 && ` · ${t("universes.duplicatesDropped", { count: list.duplicates })}`}
          </p>
          {list.invalid.length > 0 && (
            <p className="text-sm break-keep text-destructive">
              {t("universes.notTickers")} <span className="font-mono">{list.invalid.slice(0, 10).join(", ")}</span>
            </p>
          )}
          {list.symbols.length > 0 && <SymbolChips symbols={list.symbols} missing={missing} limit={60} />}
          {missing.length > 0 && (
            <p className="text-sm break-keep text-muted-foreground" data-testid="universe-missing">
              {t("universes.missingHint", { count: missing.length })}
            </p>
          )}
        </div>
        {!readOnly && (
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onDone}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={save.isPending} data-testid="save-universe">
              {save.isPending && <Spinner />}
              {t("common.save")}
            </Button>
          </DialogFooter>
        )}
      </form>
    </Form>
  );
}
