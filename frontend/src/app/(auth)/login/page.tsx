"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { FullPageSpinner } from "@/components/layouts/full-page-spinner";
import { AuthCard, GuestOnly, LoginForm, otherAuthPath, safeNext } from "@/features/auth";
import { useT } from "@/lib/i18n";

function LoginPage() {
  const t = useT();
  const router = useRouter();
  const next = safeNext(useSearchParams().get("next"));
  return (
    <GuestOnly target={next}>
      <AuthCard title={t("auth.loginTitle")} description={t("auth.loginDescription")}>
        <LoginForm onSuccess={() => router.replace(next)} registerHref={otherAuthPath("/register", next)} />
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
