"use client";

import { DatabaseIcon, FileCode2Icon, LayoutTemplateIcon } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "@/components/layouts/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { useSession } from "@/features/auth";
import { QuickRuns, RecentRuns, StrategyPerformance } from "@/features/backtests";
import { MarketDataSummary } from "@/features/market-data";
import { RecentStrategies } from "@/features/strategies";
import { useProfile } from "@/lib/api/profile";
import { useT, type TranslationKey } from "@/lib/i18n";

const QUICK_ACTIONS: { href: string; icon: typeof FileCode2Icon; title: TranslationKey; body: TranslationKey }[] = [
  { href: "/strategies/new", icon: FileCode2Icon, title: "dashboard.actionNewStrategy", body: "dashboard.actionNewStrategyBody" },
  {
    href: "/strategies/new?template=sma_crossover",
    icon: LayoutTemplateIcon,
    title: "dashboard.actionTemplate",
    body: "dashboard.actionTemplateBody",
  },
  { href: "/data", icon: DatabaseIcon, title: "dashboard.actionData", body: "dashboard.actionDataBody" },
];

/**
 * The dashboard. Sections, top to bottom: recent runs with their key metrics (added with the
 * backtest screens, above the quick actions), quick actions, the user's strategies and the market data.
 */
export default function DashboardPage() {
  const t = useT();
  // The profile's display name, else the username (also while the profile loads).
  const username = useSession((s) => s.user?.username);
  const name = useProfile().data?.name ?? username;
  return (
    <>
      <PageHeader title={t("dashboard.greeting", { name: name ?? "" })} description={t("dashboard.description")} />
      <div className="grid gap-6">
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
          <RecentRuns />
          <div className="grid content-start gap-6">
            <QuickRuns />
            <StrategyPerformance />
          </div>
        </div>
        <section aria-label={t("dashboard.quickActions")} className="grid gap-3 sm:grid-cols-3">
          {QUICK_ACTIONS.map((action) => {
            const Icon = action.icon;
            return (
              <Link
                key={action.href}
                href={action.href}
                className="group rounded-xl outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
              >
                <Card className="h-full gap-2 py-4 transition-colors group-hover:border-primary/50 group-hover:bg-accent/30">
                  <CardContent className="flex items-start gap-3 px-4">
                    <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-primary/10 text-primary">
                      <Icon className="size-4.5" aria-hidden />
                    </span>
                    <span className="grid gap-0.5">
                      <span className="font-medium">{t(action.title)}</span>
                      <span className="text-sm text-muted-foreground">{t(action.body)}</span>
                    </span>
                  </CardContent>
                </Card>
              </Link>
            );
          })}
        </section>
        <div className="grid gap-6 lg:grid-cols-2">
          <RecentStrategies />
          <MarketDataSummary />
        </div>
      </div>
    </>
  );
}
