import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api, unwrap } from "@/lib/api/client";
import type { SchemaStrategyRequest } from "@/lib/api/schema";
import { strategyKeys } from "./get-strategies";

export const MAX_SOURCE_CHARS = 65_536;

/** Mirrors StrategyRequest: name 1-200 characters without control characters, description up to 2000. */
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
});
export type StrategyFormValues = z.infer<typeof strategyFormSchema>;

export function toRequest(values: StrategyFormValues): SchemaStrategyRequest {
  const description = values.description.trim();
  return {
    name: values.name.trim(),
    description: description.length > 0 ? description : undefined,
    code: values.code,
    is_public: values.is_public,
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
      if (saved.id) queryClient.setQueryData(strategyKeys.detail(saved.id), saved);
    },
  });
}
