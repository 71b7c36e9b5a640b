"use client";

import { useEffect, type ReactNode } from "react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useT } from "@/lib/i18n";
import type { WalkForwardBody } from "../lib/optimize-form";
import { useAnalyticsStore, type AnalyticsTab } from "../stores/analytics-store";
import { CompareRuns } from "./compare-runs";
import { OptimizationForm } from "./optimization-form";
import { NoOptimization, OptimizationView } from "./optimization-view";
import { OptimizationsList } from "./optimizations-list";

/**
 * What the robustness lab adds to this screen, composed by the route (features never import each
 * other): an optimisation's robustness tab, and the walk-forward tab's call, list and view.
 */
export interface AnalyticsRobustness {
  optimization: (id: string) => ReactNode;
  startWalkForward: (body: WalkForwardBody) => Promise<string | undefined>;
  walkForwardList: (open: string | null, onOpen: (id: string | null) => void) => ReactNode;
  walkForwardView: (id: string, onGone: () => void) => ReactNode;
  noWalkForward: ReactNode;
}

const TABS: readonly AnalyticsTab[] = ["compare", "optimize", "walk-forward"];

/**
 * Keeps the open walk-forward in the address (?tab=walk-forward&walk_forward=id) so a reload or a
 * shared link opens it again; the address is replaced, not pushed, as the tab is state, not a page.
 */
function useWalkForwardAddress(tab: AnalyticsTab, walkForwardId: string | null) {
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const before = params.toString();
    if (tab === "walk-forward") {
      params.set("tab", "walk-forward");
      if (walkForwardId) params.set("walk_forward", walkForwardId);
      else params.delete("walk_forward");
    } else if (params.get("tab") === "walk-forward") {
      params.set("tab", tab);
      params.delete("walk_forward");
    }
    const after = params.toString();
    if (after !== before) window.history.replaceState(window.history.state, "", `${window.location.pathname}${after ? `?${after}` : ""}`);
  }, [tab, walkForwardId]);
}

/**
 * The analytics screen: compare runs, optimise parameters, and walk forward. `initial` comes from the
 * address (?tab=optimize, ?ids=a,b, ?optimization=id, ?tab=walk-forward&walk_forward=id) so other
 * screens can link into it.
 */
export function AnalyticsView({
  initial,
  robustness,
}: {
  initial: { tab?: string; ids?: string[]; optimization?: string; walkForward?: string };
  robustness?: AnalyticsRobustness;
}) {
  const t = useT();
  const tab = useAnalyticsStore((s) => s.tab);
  const setTab = useAnalyticsStore((s) => s.setTab);
  const optimizationId = useAnalyticsStore((s) => s.optimizationId);
  const show = useAnalyticsStore((s) => s.showOptimization);
  const walkForwardId = useAnalyticsStore((s) => s.walkForwardId);
  const showWalkForward = useAnalyticsStore((s) => s.showWalkForward);
  const setSelected = useAnalyticsStore((s) => s.setSelected);
  const { tab: initialTab, ids, optimization, walkForward } = initial;
  const withWalkForward = !!robustness;
  useEffect(() => {
    if (TABS.includes(initialTab as AnalyticsTab) && (initialTab !== "walk-forward" || withWalkForward)) setTab(initialTab as AnalyticsTab);
    if (ids && ids.length > 0) setSelected(ids);
    if (optimization) {
      show(optimization);
      setTab("optimize");
    }
    if (walkForward && withWalkForward) {
      showWalkForward(walkForward);
      setTab("walk-forward");
    }
  }, [initialTab, ids, optimization, walkForward, withWalkForward, setTab, setSelected, show, showWalkForward]);
  useWalkForwardAddress(tab, walkForwardId);

  return (
    <Tabs value={tab} onValueChange={(value) => setTab(value as AnalyticsTab)} className="gap-4">
      <TabsList aria-label={t("analytics.sections")}>
        <TabsTrigger value="compare" data-testid="tab-compare">
          {t("analytics.compareTab")}
        </TabsTrigger>
        <TabsTrigger value="optimize" data-testid="tab-optimize">
          {t("analytics.optimizeTab")}
        </TabsTrigger>
        {robustness && (
          <TabsTrigger value="walk-forward" data-testid="tab-walk-forward">
            {t("analytics.walkForwardTab")}
          </TabsTrigger>
        )}
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
            {optimizationId ? (
              <OptimizationView key={optimizationId} id={optimizationId} robustness={robustness?.optimization(optimizationId)} />
            ) : (
              <NoOptimization />
            )}
          </div>
        </div>
      </TabsContent>
      {robustness && (
        <TabsContent value="walk-forward">
          <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]">
            <div className="grid min-w-0 grid-cols-1 content-start gap-4">
              <OptimizationForm mode="walk-forward" onStarted={showWalkForward} startWalkForward={robustness.startWalkForward} />
              {robustness.walkForwardList(walkForwardId, showWalkForward)}
            </div>
            <div className="min-w-0">
              {walkForwardId ? (
                <div key={walkForwardId}>{robustness.walkForwardView(walkForwardId, () => showWalkForward(null))}</div>
              ) : (
                robustness.noWalkForward
              )}
            </div>
          </div>
        </TabsContent>
      )}
    </Tabs>
  );
}
