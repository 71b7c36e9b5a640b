import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api, unwrap } from "@/lib/api/client";
import type { SchemaCreateApiKeyRequest } from "@/lib/api/schema";
import { apiKeyKeys } from "./get-api-keys";

/** The lifetimes offered, in days; "never" sends none. */
export const API_KEY_EXPIRIES = ["never", "30", "90", "365"] as const;

/** Mirrors CreateApiKeyRequest: a name of 1-100 characters. */
export const apiKeyFormSchema = z.object({
  name: z.string().trim().min(1, { error: "settings.apiKeys.nameRequired" }).max(100, { error: "settings.apiKeys.nameTooLong" }),
  expiry: z.enum(API_KEY_EXPIRIES),
});
export type ApiKeyFormValues = z.infer<typeof apiKeyFormSchema>;

export function toRequest(values: ApiKeyFormValues): SchemaCreateApiKeyRequest {
  return { name: values.name.trim(), expires_in_days: values.expiry === "never" ? undefined : Number(values.expiry) };
}

export function createApiKey(body: SchemaCreateApiKeyRequest) {
  return unwrap(api.POST("/api/v1/api-keys", { body }));
}

/** Creates a key; the answer holds its secret, the only time it is sent. */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}
