"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { FullPageSpinner } from "@/components/layouts/full-page-spinner";
import { AuthCard, GuestOnly, LoginForm, safeNext } from "@/features/auth";
import { useT } from "@/lib/i18n";

function LoginPage() {
  const t = useT();
  const router = useRouter();
  const next = safeNext(useSearchParams().get("next"));
  const registerHref = next === "/dashboard" ? "/register" : `/register?next=${encodeURIComponent(next)}`;
  return (
    <GuestOnly target={next}>
      <AuthCard title={t("auth.loginTitle")} description={t("auth.loginDescription")}>
        <LoginForm onSuccess={() => router.replace(next)} registerHref={registerHref} />
      </AuthCard>
    </GuestOnly>
  );
}

export default function Page() {
  return (
    <Suspense fallback={<FullPageSpinner />}>
      <LoginPage />
    </Suspense>
  );
}
