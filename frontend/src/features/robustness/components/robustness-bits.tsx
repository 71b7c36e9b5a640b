"use client";

import type { ReactNode } from "react";
import { RunStatusBadge } from "@/components/layouts/run-status-badge";
import { useT, type TranslationKey, type Vars } from "@/lib/i18n";
import { cn } from "@/lib/utils";
import { VERDICT_CLASS, type Verdict } from "../lib/readings";

/** A robustness job's state as the run badge shows it ("queued" is a run's "pending"). */
export function JobStatusBadge({ status, progress }: { status: string | null | undefined; progress?: number | null }) {
  return <RunStatusBadge status={status === "queued" ? "pending" : status} progress={progress} />;
}

/** A plain-language reading, coloured by its verdict; Korean text breaks between words. */
export function ReadingNote({
  verdict,
  text,
  vars,
  children,
  testId,
}: {
  verdict: Verdict;
  text?: TranslationKey;
  vars?: Vars;
  children?: ReactNode;
  testId?: string;
}) {
  const t = useT();
  return (
    <p className={cn("rounded-md border px-3 py-2 text-sm break-keep", VERDICT_CLASS[verdict])} data-testid={testId} data-verdict={verdict}>
      {text ? t(text, vars) : null}
      {children}
    </p>
  );
}

/** A figure with its label above, as the metric cards show one. */
export function Figure({ label, value, testId, className }: { label: ReactNode; value: ReactNode; testId?: string; className?: string }) {
  return (
    <div className={cn("grid gap-0.5", className)} data-testid={testId}>
      <span className="text-xs break-keep text-muted-foreground">{label}</span>
      <span className="text-lg font-semibold tabular-nums">{value}</span>
    </div>
  );
}
