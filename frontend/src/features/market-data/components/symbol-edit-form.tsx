"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CheckIcon, SaveIcon } from "lucide-react";
import { useForm } from "react-hook-form";
import { applyFieldErrors } from "@/components/forms/api-errors";
import { InputField, SelectField } from "@/components/forms/fields";
import { Form } from "@/components/forms/form";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/api/errors";
import type { SchemaSymbolView } from "@/lib/api/schema";
import { useT } from "@/lib/i18n";
import { KRX_BOARDS } from "@/lib/prices";
import type { Dataset } from "../api/get-symbol";
import { symbolEditSchema, useUpdateSymbol, type SymbolEditValues } from "../api/update-symbol";

/** An administrator's edit of a symbol's Korean name and KRX board (PATCH /data/symbols/{symbol}). */
export function SymbolEditForm({ symbol, dataset }: { symbol: SchemaSymbolView; dataset: Dataset }) {
  const t = useT();
  const update = useUpdateSymbol(symbol.symbol, dataset);
  const boardOf = (value: string | null | undefined): SymbolEditValues["board"] =>
    (KRX_BOARDS as readonly string[]).includes(value ?? "") ? (value as SymbolEditValues["board"]) : "none";
  const form = useForm<SymbolEditValues>({
    resolver: zodResolver(symbolEditSchema),
    defaultValues: { name_ko: symbol.name_ko ?? "", board: boardOf(symbol.board) },
  });
  const submit = form.handleSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync(values);
      form.reset({ name_ko: saved.name_ko ?? "", board: boardOf(saved.board) });
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, ["name_ko", "board"])) form.setError("root", { message: errorMessage(error, t) });
    }
  });
  return (
    <Card className="gap-3" data-testid="symbol-edit">
      <CardHeader>
        <CardTitle className="text-sm">{t("prices.edit.title")}</CardTitle>
        <CardDescription className="text-xs break-keep">{t("prices.edit.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form onSubmit={submit} noValidate className="grid gap-3">
            <InputField
              control={form.control}
              name="name_ko"
              label={t("prices.edit.nameKo")}
              placeholder="삼성전자"
              data-testid="edit-name-ko"
            />
            <SelectField
              control={form.control}
              name="board"
              label={t("prices.edit.board")}
              options={[
                { value: "none", label: t("prices.edit.noBoard") },
                ...KRX_BOARDS.map((b) => ({ value: b, label: t(`prices.boards.${b}`) })),
              ]}
              data-testid="edit-board"
            />
            {form.formState.errors.root?.message && <FormError>{form.formState.errors.root.message}</FormError>}
            <div className="flex items-center gap-2">
              <Button type="submit" size="sm" disabled={update.isPending || !form.formState.isDirty} data-testid="save-symbol">
                {update.isPending ? <Spinner /> : <SaveIcon />}
                {t("prices.edit.save")}
              </Button>
              {update.isSuccess && !form.formState.isDirty && (
                <span className="flex items-center gap-1 text-xs text-muted-foreground" role="status">
                  <CheckIcon className="size-3" />
                  {t("prices.edit.saved")}
                </span>
              )}
            </div>
          </form>
        </Form>
      </CardContent>
    </Card>
  );
}
