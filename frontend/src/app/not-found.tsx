"use client";

import { CompassIcon } from "lucide-react";
import Link from "next/link";
import { Brand } from "@/components/layouts/brand";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n";

export default function NotFound() {
  const t = useT();
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex h-14 items-center px-4 sm:px-6">
        <Brand />
      </header>
      <main className="flex flex-1 flex-col items-center justify-center gap-4 px-6 pb-24 text-center">
        <CompassIcon className="size-10 text-muted-foreground" aria-hidden />
        <h1 className="text-2xl font-semibold">{t("notFound.title")}</h1>
        <p className="max-w-md text-muted-foreground">{t("notFound.description")}</p>
        <div className="flex gap-2">
          <Button asChild>
            <Link href="/dashboard">{t("nav.dashboard")}</Link>
          </Button>
          <Button asChild variant="outline">
            <Link href="/">{t("notFound.home")}</Link>
          </Button>
        </div>
      </main>
    </div>
  );
}
