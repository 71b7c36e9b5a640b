"use client";

import { CalendarX2Icon } from "lucide-react";
import { EmptyState, LoadingRows } from "@/components/layouts/states";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SchemaActionView } from "@/lib/api/schema";
import { formatMoney } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { formatSplitRatio } from "@/lib/prices";

/** A symbol's corporate actions, newest first: the date, the kind, its value (ratio, cash per share, last day) and where it came from. */
export function ActionsTable({
  actions,
  loading,
  currency,
}: {
  actions: readonly SchemaActionView[] | undefined;
  loading: boolean;
  currency: string;
}) {
  const t = useT();
  const locale = useLocale();
  if (loading) return <LoadingRows count={3} rowClassName="h-9" className="px-5" />;
  if (!actions || actions.length === 0) return <EmptyState icon={CalendarX2Icon} title={t("prices.actions.empty")} />;
  const rows = [...actions].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <div className="max-h-[24rem] overflow-auto border-y" data-testid="actions-table">
      <Table className="text-sm">
        <TableHeader>
          <TableRow>
            <TableHead className="pl-5">{t("prices.actions.date")}</TableHead>
            <TableHead>{t("prices.actions.kind")}</TableHead>
            <TableHead className="text-right">{t("prices.actions.value")}</TableHead>
            <TableHead className="hidden pr-5 sm:table-cell">{t("prices.actions.source")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((action, i) => (
            <TableRow key={`${action.type}-${action.date}-${i}`}>
              <TableCell className="pl-5 font-mono tabular-nums">{action.date}</TableCell>
              <TableCell>
                <Badge variant={action.type === "halt" ? "destructive" : action.type === "split" ? "secondary" : "outline"}>
                  {t(`prices.actions.kinds.${action.type}`)}
                </Badge>
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {action.type === "split"
                  ? formatSplitRatio(action.ratio ?? 0)
                  : action.type === "dividend"
                    ? formatMoney(action.amount, currency, locale)
                    : action.end_date
                      ? t("prices.actions.haltUntil", { date: action.end_date })
                      : "—"}
              </TableCell>
              <TableCell className="hidden pr-5 text-muted-foreground sm:table-cell">{action.source}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
