"use client";

import { PlayIcon } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "@/components/layouts/page-header";
import { Button } from "@/components/ui/button";
import { BacktestsTable } from "@/features/backtests";
import { useT } from "@/lib/i18n";

export default function BacktestsPage() {
  const t = useT();
  return (
    <>
      <PageHeader
        title={t("backtests.title")}
        description={t("backtests.description")}
        actions={
          <Button asChild>
            <Link href="/backtests/new" data-testid="new-backtest">
              <PlayIcon />
              {t("backtests.new")}
            </Link>
          </Button>
        }
      />
      <BacktestsTable />
    </>
  );
}
