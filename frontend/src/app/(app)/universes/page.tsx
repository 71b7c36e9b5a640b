"use client";

import { PageHeader } from "@/components/layouts/page-header";
import { UniversesView } from "@/features/universes";
import { useT } from "@/lib/i18n";

export default function UniversesPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t("universes.title")} description={<span className="break-keep">{t("universes.description")}</span>} />
      <UniversesView />
    </>
  );
}
