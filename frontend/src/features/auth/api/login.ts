import { useMutation } from "@tanstack/react-query";
import { z } from "zod";
import { api, unwrap } from "@/lib/api/client";
import type { SchemaLoginRequest } from "@/lib/api/schema";
import { signedIn } from "@/lib/auth/session";

/** Mirrors LoginRequest: login is the email or the username. */
export const loginSchema = z.object({
  login: z.string().trim().min(1, { error: "validation.required" }).max(254, { error: "validation.max254" }),
  password: z.string().min(1, { error: "validation.required" }).max(128, { error: "validation.max128" }),
});
export type LoginInput = z.infer<typeof loginSchema>;

export async function login(input: SchemaLoginRequest) {
  const session = await unwrap(api.POST("/api/v1/auth/login", { body: input }));
  if (session.access_token) signedIn(session.access_token, session.user, session.expires_in);
  return session;
}

export function useLogin() {
  return useMutation({ mutationFn: login });
}
