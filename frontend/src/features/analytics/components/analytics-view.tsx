"use client";

import { useEffect } from "react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useT } from "@/lib/i18n";
import { useAnalyticsStore } from "../stores/analytics-store";
import { CompareRuns } from "./compare-runs";
import { OptimizationForm } from "./optimization-form";
import { NoOptimization, OptimizationView } from "./optimization-view";
import { OptimizationsList } from "./optimizations-list";

/**
 * The analytics screen: compare runs, and optimise parameters. `initial` comes from the address
 * (?tab=optimize, ?ids=a,b, ?optimization=id) so other screens can link into it.
 */
export function AnalyticsView({ initial }: { initial: { tab?: string; ids?: string[]; optimization?: string } }) {
  const t = useT();
  const tab = useAnalyticsStore((s) => s.tab);
  const setTab = useAnalyticsStore((s) => s.setTab);
  const optimizationId = useAnalyticsStore((s) => s.optimizationId);
  const show = useAnalyticsStore((s) => s.showOptimization);
  const setSelected = useAnalyticsStore((s) => s.setSelected);
  const { tab: initialTab, ids, optimization } = initial;
  useEffect(() => {
    if (initialTab === "optimize" || initialTab === "compare") setTab(initialTab);
    if (ids && ids.length > 0) setSelected(ids);
    if (optimization) {
      show(optimization);
      setTab("optimize");
    }
  }, [initialTab, ids, optimization, setTab, setSelected, show]);

  return (
    <Tabs value={tab} onValueChange={(value) => setTab(value as "compare" | "optimize")} className="gap-4">
      <TabsList aria-label={t("analytics.sections")}>
        <TabsTrigger value="compare" data-testid="tab-compare">
          {t("analytics.compareTab")}
        </TabsTrigger>
        <TabsTrigger value="optimize" data-testid="tab-optimize">
          {t("analytics.optimizeTab")}
        </TabsTrigger>
      </TabsList>
      <TabsContent value="compare">
        <CompareRuns />
      </TabsContent>
      <TabsContent value="optimize">
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]">
          <div className="grid min-w-0 grid-cols-1 content-start gap-4">
            <OptimizationForm onStarted={(id) => show(id)} />
            <OptimizationsList />
          </div>
          <div className="min-w-0">
            {optimizationId ? <OptimizationView key={optimizationId} id={optimizationId} /> : <NoOptimization />}
          </div>
        </div>
      </TabsContent>
    </Tabs>
  );
}
