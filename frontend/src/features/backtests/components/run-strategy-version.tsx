"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { SchemaBacktestResponse } from "@/lib/api/schema";
import { useT } from "@/lib/i18n";
import { useRunStrategy } from "../api/get-run-strategy";

/**
 * The strategy version a run used ("v3"), linking to it in the strategy's history when the caller owns
 * the strategy, and "edited since" when the strategy's current version is another one.
 */
export function RunStrategyVersion({ run }: { run: SchemaBacktestResponse }) {
  const t = useT();
  const version = run.strategy_version ?? null;
  const strategy = useRunStrategy(version != null ? (run.strategy_id ?? null) : null);
  if (version == null) return null;
  const label = t("versions.runVersion", { number: version });
  const owned = strategy.data?.mine === true;
  const changed = owned && strategy.data?.version != null && strategy.data.version !== version;
  return (
    <span className="inline-flex items-center gap-1.5" data-testid="run-strategy-version">
      {owned ? (
        <Link
          href={`/strategies/${run.strategy_id}?version=${version}#history`}
          title={t("versions.runVersionTitle")}
          className="rounded font-mono text-xs font-medium text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          {label}
        </Link>
      ) : (
        <span className="font-mono text-xs" title={t("versions.runVersionTitle")}>
          {label}
        </span>
      )}
      {changed && (
        <Badge variant="outline" className="break-keep" title={t("versions.changedSinceTitle")} data-testid="run-strategy-changed">
          {t("versions.changedSince")}
        </Badge>
      )}
    </span>
  );
}
