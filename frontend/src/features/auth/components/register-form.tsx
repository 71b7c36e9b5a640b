"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyFieldErrors } from "@/components/forms/api-errors";
import { InputField } from "@/components/forms/fields";
import { Form } from "@/components/forms/form";
import { FormError } from "@/components/forms/form-error";
import { isApiError } from "@/lib/api/errors";
import { useT } from "@/lib/i18n";
import { registerSchema, useRegister, type RegisterInput } from "../api/register";
import { AuthActions } from "./auth-card";
import { describeAuthError } from "./login-form";

export function RegisterForm({ onSuccess, loginHref }: { onSuccess: () => void; loginHref: string }) {
  const t = useT();
  const register = useRegister();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<RegisterInput>({
    resolver: zodResolver(registerSchema),
    defaultValues: { email: "", username: "", password: "" },
    // Checked on submit, then as you type: a check on leaving the focused email field would push the
    // button down under the pointer and swallow the click, so an empty form flagged only the email.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await register.mutateAsync(values);
      onSuccess();
    } catch (error) {
      if (isApiError(error) && error.is("/problems/email-taken")) {
        form.setError("email", { type: "server", message: "auth.emailTaken" });
      } else if (isApiError(error) && error.is("/problems/username-taken")) {
        form.setError("username", { type: "server", message: "auth.usernameTaken" });
      } else if (!applyFieldErrors(error, form.setError, ["email", "username", "password"])) {
        setFormError(describeAuthError(error, t));
      }
    }
  });

  return (
    <Form {...form}>
      <form onSubmit={onSubmit} noValidate className="grid gap-5" aria-label={t("auth.registerTitle")}>
        {formError && <FormError>{formError}</FormError>}
        <InputField control={form.control} name="email" label={t("auth.email")} type="email" autoComplete="email" autoFocus />
        <InputField
          control={form.control}
          name="username"
          label={t("auth.username")}
          description={t("auth.usernameHint")}
          autoComplete="username"
        />
        <InputField
          control={form.control}
          name="password"
          label={t("auth.password")}
          description={t("auth.passwordHint")}
          type="password"
          autoComplete="new-password"
        />
        <AuthActions
          submit={t("auth.createAccount")}
          pending={register.isPending}
          prompt={t("auth.haveAccount")}
          link={t("auth.login")}
          href={loginHref}
        />
      </form>
    </Form>
  );
}
