"use client";

import { CheckCircle2Icon, CircleDashedIcon, CircleSlashIcon, XCircleIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import { useT } from "@/lib/i18n";
import { cn } from "@/lib/utils";

export type RunStatus = "pending" | "running" | "completed" | "failed" | "cancelled";

export const isRunActive = (status: string | null | undefined) => status === "pending" || status === "running";

/** A run's (or an optimisation's) state as a badge; a running one shows its progress. */
export function RunStatusBadge({
  status,
  progress,
  className,
}: {
  status: string | null | undefined;
  progress?: number | null;
  className?: string;
}) {
  const t = useT();
  const known = (["pending", "running", "completed", "failed", "cancelled"] as const).find((s) => s === status);
  const label = known ? t(`runs.status.${known}`) : (status ?? "—");
  switch (known) {
    case "completed":
      return (
        <Badge variant="success" className={className} data-status={status}>
          <CheckCircle2Icon aria-hidden />
          {label}
        </Badge>
      );
    case "failed":
      return (
        <Badge variant="destructive" className={className} data-status={status}>
          <XCircleIcon aria-hidden />
          {label}
        </Badge>
      );
    case "cancelled":
      return (
        <Badge variant="outline" className={cn("text-muted-foreground", className)} data-status={status}>
          <CircleSlashIcon aria-hidden />
          {label}
        </Badge>
      );
    case "running":
      return (
        <Badge variant="secondary" className={cn("gap-1.5", className)} data-status={status}>
          <Spinner className="size-3" />
          {label}
          {typeof progress === "number" && <span className="tabular-nums">{progress}%</span>}
        </Badge>
      );
    default:
      return (
        <Badge variant="warning" className={className} data-status={status}>
          <CircleDashedIcon aria-hidden />
          {label}
        </Badge>
      );
  }
}
