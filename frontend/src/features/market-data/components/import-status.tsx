"use client";

import { Badge } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import { useT } from "@/lib/i18n";

const VARIANTS = {
  pending: "secondary",
  running: "secondary",
  completed: "success",
  failed: "destructive",
  cancelled: "outline",
} as const;

export function ImportStatus({ status }: { status: string | undefined }) {
  const t = useT();
  const known = (status ?? "pending") as keyof typeof VARIANTS;
  const variant = VARIANTS[known] ?? "outline";
  const label = known in VARIANTS ? t(`marketData.status.${known}`) : (status ?? "");
  return (
    <Badge variant={variant} data-testid="import-status" data-status={status}>
      {(known === "running" || known === "pending") && <Spinner className="size-3" />}
      {label}
    </Badge>
  );
}
