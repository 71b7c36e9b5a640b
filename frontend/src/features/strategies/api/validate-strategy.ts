import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { strategyKeys } from "./get-strategies";

export function validateStrategy(code: string, signal?: AbortSignal) {
  return unwrap(api.POST("/api/v1/strategies/validate", { body: { code }, signal }));
}

export function validationQueryOptions(code: string) {
  return queryOptions({
    queryKey: [...strategyKeys.all, "validate", code] as const,
    queryFn: ({ signal }) => validateStrategy(code, signal),
    staleTime: Infinity,
    gcTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** What the compiler says about `code` (pass it already debounced); nothing for empty code. */
export function useValidation(code: string) {
  return useQuery({ ...validationQueryOptions(code), enabled: code.trim().length > 0 });
}
