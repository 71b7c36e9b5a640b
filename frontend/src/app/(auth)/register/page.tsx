"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { FullPageSpinner } from "@/components/layouts/full-page-spinner";
import { AuthCard, GuestOnly, RegisterForm, otherAuthPath, safeNext } from "@/features/auth";
import { useT } from "@/lib/i18n";

function RegisterPage() {
  const t = useT();
  const router = useRouter();
  const next = safeNext(useSearchParams().get("next"));
  return (
    <GuestOnly target={next}>
      <AuthCard title={t("auth.registerTitle")} description={t("auth.registerDescription")}>
        <RegisterForm onSuccess={() => router.replace(next)} loginHref={otherAuthPath("/login", next)} />
      </AuthCard>
    </GuestOnly>
  );
}

export default function Page() {
  return (
    <Suspense fallback={<FullPageSpinner />}>
      <RegisterPage />
    </Suspense>
  );
}
