"use client";

import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { cn } from "@/lib/utils";
import { useT } from "@/lib/i18n";

export interface PaginationBarProps {
  /** 0-based page shown. */
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
  /** The page sizes offered; 10, 20, 50 and 100 rows by default. */
  pageSizes?: readonly number[];
  onPageChange: (page: number) => void;
  onSizeChange: (size: number) => void;
  /** Accessible name of the navigation; "Pagination" by default. */
  label?: string;
  className?: string;
}

const PAGE_SIZES = [10, 20, 50, 100];

/** "Showing 21-40 of 95", a page-size choice and previous/next: under every paged table. */
export function PaginationBar({
  page,
  size,
  totalItems,
  totalPages,
  pageSizes = PAGE_SIZES,
  onPageChange,
  onSizeChange,
  label,
  className,
}: PaginationBarProps) {
  const t = useT();
  return (
    <nav
      className={cn("flex flex-col items-center justify-between gap-3 text-sm sm:flex-row", className)}
      aria-label={label ?? t("common.pagination")}
    >
      <p className="text-muted-foreground" aria-live="polite">
        {t("common.showingRange", {
          from: page * size + 1,
          to: Math.min((page + 1) * size, totalItems),
          total: totalItems,
        })}
      </p>
      <div className="flex items-center gap-2">
        <Select value={String(size)} onValueChange={(value) => onSizeChange(Number(value))}>
          <SelectTrigger size="sm" aria-label={t("common.pageSize")}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {pageSizes.map((option) => (
              <SelectItem key={option} value={String(option)}>
                {t("common.perPage", { count: option })}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Button variant="outline" size="sm" onClick={() => onPageChange(page - 1)} disabled={page === 0}>
          {t("common.previous")}
        </Button>
        <span className="px-1 text-muted-foreground tabular-nums">
          {t("common.pageOf", { page: page + 1, pages: Math.max(totalPages, 1) })}
        </span>
        <Button variant="outline" size="sm" onClick={() => onPageChange(page + 1)} disabled={page + 1 >= totalPages}>
          {t("common.next")}
        </Button>
      </div>
    </nav>
  );
}

/** The PaginationBar under a page of a list as the API sends it; nothing while the list is unknown or empty. */
export function ListPagination({
  data,
  ...bar
}: { data: { total_items?: number; total_pages?: number } | undefined } & Omit<PaginationBarProps, "totalItems" | "totalPages">) {
  if (!data || (data.total_items ?? 0) <= 0) return null;
  return <PaginationBar totalItems={data.total_items ?? 0} totalPages={data.total_pages ?? 0} {...bar} />;
}
