"use client";

import { AlertTriangleIcon, RotateCwIcon, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { errorMessage, isApiError } from "@/lib/api/errors";
import { useT } from "@/lib/i18n";
import { cn } from "@/lib/utils";

/** Nothing to show yet, with what to do about it. */
export function EmptyState({
  icon: Icon,
  title,
  description,
  action,
  className,
}: {
  icon: LucideIcon;
  title: string;
  description?: string;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-col items-center justify-center gap-3 px-6 py-12 text-center", className)}>
      <div className="flex size-11 items-center justify-center rounded-full bg-muted">
        <Icon className="size-5 text-muted-foreground" aria-hidden />
      </div>
      <div className="grid gap-1">
        <p className="font-medium">{title}</p>
        {description && <p className="max-w-sm text-sm text-muted-foreground">{description}</p>}
      </div>
      {action}
    </div>
  );
}

/** A request failed: what happened in plain words, the request id to quote, and a retry. */
export function ErrorState({ error, onRetry, className }: { error: unknown; onRetry?: () => void; className?: string }) {
  const t = useT();
  const status = isApiError(error) ? error.status : 0;
  const message = status === 404 ? t("errors.notFound") : status >= 500 ? t("errors.server") : errorMessage(error, t);
  return (
    <div role="alert" className={cn("flex flex-col items-center justify-center gap-3 px-6 py-10 text-center", className)}>
      <div className="flex size-11 items-center justify-center rounded-full bg-destructive/10">
        <AlertTriangleIcon className="size-5 text-destructive" aria-hidden />
      </div>
      <div className="grid gap-1">
        <p className="font-medium">{t("errors.title")}</p>
        <p className="max-w-md text-sm text-muted-foreground">{message}</p>
        {isApiError(error) && error.requestId && (
          <p className="text-xs text-muted-foreground">
            {t("errors.requestId")}: <code className="font-mono">{error.requestId}</code>
          </p>
        )}
      </div>
      {onRetry && (
        <Button variant="outline" size="sm" onClick={onRetry}>
          <RotateCwIcon />
          {t("common.retry")}
        </Button>
      )}
    </div>
  );
}
