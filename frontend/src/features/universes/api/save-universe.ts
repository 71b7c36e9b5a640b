import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api, unwrap } from "@/lib/api/client";
import type { SchemaUniverseRequest } from "@/lib/api/schema";
import { universeKeys } from "@/lib/api/universes";
import { MAX_UNIVERSE_SYMBOLS, parseSymbolList } from "@/lib/symbol-list";

/** Mirrors UniverseRequest: name 1-100 characters without control characters, description up to 1000, 1-500 tickers. */
export const universeFormSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: "validation.required" })
    .max(100, { error: "universes.nameTooLong" })
    .regex(/^[^\u0000-\u001f\u007f]*$/, { error: "validation.noControlCharacters" }),
  description: z.string().max(1000, { error: "universes.descriptionTooLong" }),
  symbols: z.string().superRefine((text, ctx) => {
    const list = parseSymbolList(text);
    if (list.invalid.length > 0) ctx.addIssue({ code: "custom", message: "universes.invalidSymbols" });
    else if (list.symbols.length === 0) ctx.addIssue({ code: "custom", message: "universes.symbolsRequired" });
    else if (list.symbols.length > MAX_UNIVERSE_SYMBOLS) ctx.addIssue({ code: "custom", message: "universes.tooManySymbols" });
  }),
});
export type UniverseFormValues = z.infer<typeof universeFormSchema>;

export function toRequest(values: UniverseFormValues): SchemaUniverseRequest {
  const description = values.description.trim();
  return {
    name: values.name.trim(),
    description: description.length > 0 ? description : undefined,
    symbols: parseSymbolList(values.symbols).symbols,
  };
}

export function createUniverse(body: SchemaUniverseRequest) {
  return unwrap(api.POST("/api/v1/universes", { body }));
}

export function updateUniverse(id: string, body: SchemaUniverseRequest) {
  return unwrap(api.PUT("/api/v1/universes/{id}", { params: { path: { id } }, body }));
}

/** Creates a universe, or replaces the one with `id`; either way the lists and its detail refresh. */
export function useSaveUniverse(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SchemaUniverseRequest) => (id ? updateUniverse(id, body) : createUniverse(body)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: universeKeys.lists() });
      if (saved.id) queryClient.setQueryData(universeKeys.detail(saved.id), saved);
    },
  });
}
