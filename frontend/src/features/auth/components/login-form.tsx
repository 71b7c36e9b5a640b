"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyFieldErrors } from "@/components/forms/api-errors";
import { InputField } from "@/components/forms/fields";
import { Form } from "@/components/forms/form";
import { FormError } from "@/components/forms/form-error";
import { isApiError } from "@/lib/api/errors";
import { useT, type Translate } from "@/lib/i18n";
import { loginSchema, useLogin, type LoginInput } from "../api/login";
import { AuthActions } from "./auth-card";

export function describeAuthError(error: unknown, t: Translate): string {
  if (!isApiError(error)) return t("errors.unexpected");
  if (error.is("/problems/invalid-credentials")) return t("auth.invalidCredentials");
  if (error.is("/problems/rate-limited")) return t("auth.rateLimited", { seconds: error.retryAfterSeconds ?? 60 });
  if (error.status === 0) return t("errors.network");
  return error.detail ?? t("errors.unexpected");
}

export function LoginForm({ onSuccess, registerHref }: { onSuccess: () => void; registerHref: string }) {
  const t = useT();
  const login = useLogin();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<LoginInput>({
    resolver: zodResolver(loginSchema),
    defaultValues: { login: "", password: "" },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await login.mutateAsync(values);
      onSuccess();
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, ["login", "password"])) setFormError(describeAuthError(error, t));
    }
  });

  return (
    <Form {...form}>
      <form onSubmit={onSubmit} noValidate className="grid gap-5" aria-label={t("auth.loginTitle")}>
        {formError && <FormError>{formError}</FormError>}
        <InputField control={form.control} name="login" label={t("auth.emailOrUsername")} autoComplete="username" autoFocus />
        <InputField control={form.control} name="password" label={t("auth.password")} type="password" autoComplete="current-password" />
        <AuthActions
          submit={t("auth.login")}
          pending={login.isPending}
          prompt={t("auth.noAccount")}
          link={t("auth.register")}
          href={registerHref}
        />
      </form>
    </Form>
  );
}
