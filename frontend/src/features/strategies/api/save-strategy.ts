import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api, unwrap } from "@/lib/api/client";
import type { SchemaStrategyRequest } from "@/lib/api/schema";
import { strategyKeys } from "./get-strategies";

export const MAX_SOURCE_CHARS = 65_536;

/**
 * Mirrors StrategyRequest: name 1-200 characters without control characters, description up to 2000,
 * a note up to 500.
 */
export const strategyFormSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: "validation.required" })
    .max(200, { error: "validation.max200" })
    .regex(/^[^\u0000-\u001f\u007f]*$/, { error: "validation.noControlCharacters" }),
  description: z.string().max(2000, { error: "validation.max2000" }),
  code: z
    .string()
    .refine((value) => value.trim().length > 0, { error: "strategies.codeRequired" })
    .refine((value) => value.length <= MAX_SOURCE_CHARS, { error: "strategies.codeTooLong" }),
  is_public: z.boolean(),
  /** What this save changed, kept with the version it makes; cleared after each save. */
  note: z
    .string()
    .max(500, { error: "versions.noteTooLong" })
    .regex(/^[^\u0000-\u001f\u007f]*$/, { error: "validation.noControlCharacters" }),
});
export type StrategyFormValues = z.infer<typeof strategyFormSchema>;

/**
 * The request for the form's values. The editor always allows a draft: code with errors is kept as
 * the strategy's draft (not run) rather than lost.
 */
export function toRequest(values: StrategyFormValues): SchemaStrategyRequest {
  const description = values.description.trim();
  const note = values.note.trim();
  return {
    name: values.name.trim(),
    description: description.length > 0 ? description : undefined,
    code: values.code,
    is_public: values.is_public,
    note: note.length > 0 ? note : undefined,
    allow_draft: true,
  };
}

export function createStrategy(body: SchemaStrategyRequest) {
  return unwrap(api.POST("/api/v1/strategies", { body }));
}

export function updateStrategy(id: string, body: SchemaStrategyRequest) {
  return unwrap(api.PUT("/api/v1/strategies/{id}", { params: { path: { id } }, body }));
}

/** Creates a strategy, or replaces the one with `id`; either way the lists and its detail refresh. */
export function useSaveStrategy(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SchemaStrategyRequest) => (id ? updateStrategy(id, body) : createStrategy(body)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: strategyKeys.lists() });
      if (saved.id) {
        queryClient.setQueryData(strategyKeys.detail(saved.id), saved);
        // A save that changed the code made a version.
        void queryClient.invalidateQueries({ queryKey: [...strategyKeys.detail(saved.id), "versions"] });
      }
    },
  });
}
