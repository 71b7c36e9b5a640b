import { useMutation } from "@tanstack/react-query";
import { z } from "zod";
import { api, unwrap } from "@/lib/api/client";
import type { SchemaRegisterRequest } from "@/lib/api/schema";
import { signedIn } from "@/lib/auth/session";

const utf8Length = (value: string) => new TextEncoder().encode(value).length;

/**
 * Mirrors RegisterRequest and the service's checks: username 3-32 characters without spaces, control
 * characters or @; password 8-72 bytes with a letter and a digit, different from username and email.
 */
export const registerSchema = z
  .object({
    email: z
      .string()
      .trim()
      .min(1, { error: "validation.required" })
      .max(254, { error: "validation.max254" })
      .pipe(z.email({ error: "validation.email" })),
    username: z
      .string()
      .trim()
      .min(1, { error: "validation.required" })
      .min(3, { error: "validation.usernameLength" })
      .max(32, { error: "validation.usernameLength" })
      .regex(/^[^\s@\u0000-\u001f\u007f]*$/, { error: "validation.usernameCharacters" }),
    password: z
      .string()
      .min(1, { error: "validation.required" })
      .refine((value) => value.length >= 8 && utf8Length(value) <= 72, { error: "validation.passwordLength" })
      .refine((value) => /\p{L}/u.test(value) && /\p{N}/u.test(value), { error: "validation.passwordMix" }),
  })
  .refine(
    (value) => value.password.toLowerCase() !== value.username.toLowerCase() && value.password.toLowerCase() !== value.email.toLowerCase(),
    { error: "validation.passwordDiffers", path: ["password"] },
  );
export type RegisterInput = z.infer<typeof registerSchema>;

export async function register(input: SchemaRegisterRequest) {
  const session = await unwrap(api.POST("/api/v1/auth/register", { body: input }));
  if (session.access_token) signedIn(session.access_token, session.user, session.expires_in);
  return session;
}

export function useRegister() {
  return useMutation({ mutationFn: register });
}
