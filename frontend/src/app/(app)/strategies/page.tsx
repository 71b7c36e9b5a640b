"use client";

import { PlusIcon } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "@/components/layouts/page-header";
import { Button } from "@/components/ui/button";
import { StrategiesTable } from "@/features/strategies";
import { useT } from "@/lib/i18n";

export default function StrategiesPage() {
  const t = useT();
  return (
    <>
      <PageHeader
        title={t("strategies.title")}
        description={t("strategies.description")}
        actions={
          <Button asChild>
            <Link href="/strategies/new" data-testid="new-strategy">
              <PlusIcon />
              {t("strategies.new")}
            </Link>
          </Button>
        }
      />
      <StrategiesTable />
    </>
  );
}
