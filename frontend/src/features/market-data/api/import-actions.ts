import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api, unwrap } from "@/lib/api/client";
import { marketDataKeys } from "./get-symbols";

export const actionsImportSchema = z.object({
  file: z.instanceof(File, { error: "marketData.fileRequired" }).refine((file) => file.size > 0, { error: "marketData.fileEmpty" }),
  symbol: z
    .string()
    .trim()
    .min(1, { error: "validation.required" })
    .max(40, { error: "validation.max40" })
    .regex(/^[A-Za-z0-9._^=:/-]+$/, { error: "marketData.symbolCharacters" }),
  /** Into the shared series' actions (administrators only); else the uploader's own. */
  shared: z.boolean(),
});
export type ActionsImportValues = z.infer<typeof actionsImportSchema>;

/** Uploads a CSV of corporate actions (date,type,value,end_date) for a symbol; all or nothing. */
export function importActions(values: ActionsImportValues) {
  const body = new FormData();
  body.append("file", values.file, values.file.name);
  return unwrap(
    api.POST("/api/v1/data/actions/import", {
      params: { query: { symbol: values.symbol.trim(), ...(values.shared ? { dataset: "shared" } : {}) } },
      // The generated body type describes the multipart fields; the browser encodes the FormData.
      body: body as unknown as { file: string },
      bodySerializer: (value) => value,
    }),
  );
}

export function useImportActions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importActions,
    // Actions change how every chart and run of the symbol reads its prices.
    onSettled: () => queryClient.invalidateQueries({ queryKey: marketDataKeys.all }),
  });
}
