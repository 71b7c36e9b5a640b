"use client";

import { AlertTriangleIcon, FileQuestionIcon, RotateCwIcon, type LucideIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
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

/** The thing an address names is not there (deleted, private, never was), with the way back to its list. */
export function NotFoundState({
  title,
  description,
  backHref,
  backLabel,
}: {
  title: string;
  description: string;
  backHref: string;
  backLabel: string;
}) {
  return (
    <EmptyState
      icon={FileQuestionIcon}
      title={title}
      description={description}
      action={
        <Button asChild variant="outline">
          <Link href={backHref}>{backLabel}</Link>
        </Button>
      }
      className="min-h-[50dvh]"
    />
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

/** Grey placeholder rows while a list loads. */
export function LoadingRows({ count, rowClassName, className }: { count: number; rowClassName: string; className?: string }) {
  const t = useT();
  return (
    <div className={cn("grid gap-2", className)} aria-busy="true" aria-label={t("common.loading")}>
      {Array.from({ length: count }, (_, i) => (
        <Skeleton key={i} className={rowClassName} />
      ))}
    </div>
  );
}

/** What QueryState needs of a TanStack query. */
export interface QueryStatus {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: unknown;
  refetch: () => unknown;
}

/**
 * A query's part of a page: its error with a retry while it has no data to show, `loading` while it
 * loads, `empty` when it is given (the data holds nothing), else the children. Data already shown is
 * kept when a later refetch fails.
 */
export function QueryState({
  query,
  loading,
  empty,
  errorClassName,
  children,
}: {
  query: QueryStatus;
  loading: ReactNode;
  empty?: ReactNode;
  errorClassName?: string;
  children: ReactNode;
}) {
  if (query.isError && !query.data) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} className={errorClassName} />;
  }
  if (query.isPending) return loading;
  return empty || children;
}

/**
 * A table's bordered panel over its query: `loadingRows` grey rows while it loads, its error, `empty`
 * when given, else the table (the children).
 */
export function TablePanel({
  query,
  loadingRows,
  rowClassName,
  empty,
  children,
}: {
  query: QueryStatus;
  loadingRows: number;
  rowClassName: string;
  empty?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="overflow-hidden rounded-xl border bg-card">
      <QueryState query={query} loading={<LoadingRows count={loadingRows} rowClassName={rowClassName} className="p-4" />} empty={empty}>
        {children}
      </QueryState>
    </div>
  );
}
