"use client";

import { ArrowRightIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { useSessionBootstrap } from "@/features/auth";
import { Landing } from "@/features/home/components/landing";
import { useT } from "@/lib/i18n";

export default function HomePage() {
  const t = useT();
  const status = useSessionBootstrap();
  const actions =
    status === "authenticated" ? (
      <Button asChild size="lg">
        <Link href="/dashboard">
          {t("home.openDashboard")}
          <ArrowRightIcon />
        </Link>
      </Button>
    ) : (
      <>
        <Button asChild size="lg">
          <Link href="/register">
            {t("home.signUp")}
            <ArrowRightIcon />
          </Link>
        </Button>
        <Button asChild size="lg" variant="outline">
          <Link href="/login">{t("auth.login")}</Link>
        </Button>
      </>
    );
  return <Landing actions={actions} />;
}
