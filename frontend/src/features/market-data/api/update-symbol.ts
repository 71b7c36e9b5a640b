import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api, unwrap } from "@/lib/api/client";
import { KRX_BOARDS } from "@/lib/prices";
import type { Dataset } from "./get-symbol";
import { marketDataKeys } from "./get-symbols";

export const symbolEditSchema = z.object({
  name_ko: z.string().trim().max(200, { error: "validation.max200" }),
  /** "none" for a symbol that is not a KRX one (a select item cannot be empty). */
  board: z.enum(["none", ...KRX_BOARDS]),
});
export type SymbolEditValues = z.infer<typeof symbolEditSchema>;

/** Sets a symbol's Korean name and KRX board (administrators); empty values clear them. */
export function updateSymbol(symbol: string, dataset: Dataset | undefined, values: SymbolEditValues) {
  return unwrap(
    api.PATCH("/api/v1/data/symbols/{symbol}", {
      params: { path: { symbol }, query: { dataset } },
      body: { name_ko: values.name_ko.trim() || null, board: values.board === "none" ? null : values.board },
    }),
  );
}

export function useUpdateSymbol(symbol: string, dataset?: Dataset) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: SymbolEditValues) => updateSymbol(symbol, dataset, values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: marketDataKeys.all }),
  });
}
