"use client";

import type { ReactNode } from "react";
import { RunStatusBadge } from "@/components/layouts/run-status-badge";
import { CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
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

/** A column's header: numbers right-aligned, text left; `compact` in the small tables inside a card. */
export function ColumnHeader({
  align = "right",
  compact = false,
  children,
}: {
  align?: "left" | "right";
  compact?: boolean;
  children?: ReactNode;
}) {
  return (
    <th scope="col" className={cn(compact ? "py-1" : "px-2 py-2", align === "left" ? "text-left" : "text-right", "font-medium")}>
      {children}
    </th>
  );
}

/** A bordered table that scrolls sideways on a narrow screen, its header row shaded. */
export function WideTable({
  label,
  testId,
  className,
  head,
  children,
}: {
  label: string;
  testId: string;
  /** The table's minimum width (a Tailwind class), below which it scrolls. */
  className: string;
  head: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border">
      <table className={cn("w-full text-sm", className)} aria-label={label} data-testid={testId}>
        <thead className="bg-muted/40 text-xs whitespace-nowrap text-muted-foreground">
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A robustness card's title and the sentence under it saying what the card measures. */
export function CardHeading({ title, description }: { title: ReactNode; description: ReactNode }) {
  return (
    <CardHeader>
      <CardTitle className="text-base">{title}</CardTitle>
      <CardDescription className="break-keep">{description}</CardDescription>
    </CardHeader>
  );
}
