"use client";

import { PageHeader } from "@/components/layouts/page-header";
import { SettingsView } from "@/features/settings";
import { useT } from "@/lib/i18n";

export default function SettingsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t("settings.title")} description={<span className="break-keep">{t("settings.description")}</span>} />
      <SettingsView />
    </>
  );
}
