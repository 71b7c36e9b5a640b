"use client";

import { AlertTriangleIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useT } from "@/lib/i18n";
import { formatSplitRatio } from "@/lib/prices";

/** At most this many suspected splits are listed; a file with more is a file of another kind of error. */
const SHOWN = 50;

/**
 * The days of an imported (or refused) CSV whose one-day price ratio is close to a whole number no
 * recorded split explains: likely unrecorded splits, each with the split it looks like (2:1, 1:10),
 * and what to do about them. `rejected`: the file was refused because of them.
 */
export function SuspectedSplits({ splits, rejected = false }: { splits: readonly { date: string; ratio: number }[]; rejected?: boolean }) {
  const t = useT();
  if (splits.length === 0) return null;
  return (
    <Alert variant={rejected ? "destructive" : "warning"} data-testid="suspected-splits">
      <AlertTriangleIcon />
      <AlertTitle className="line-clamp-none break-keep">{t("prices.import.suspectedTitle", { count: splits.length })}</AlertTitle>
      <AlertDescription className="grid gap-2">
        <p className="break-keep">{rejected ? t("prices.import.suspectedRejected") : t("prices.import.suspectedDescription")}</p>
        <Table className="w-auto text-xs">
          <TableHeader>
            <TableRow>
              <TableHead>{t("prices.import.date")}</TableHead>
              <TableHead>{t("prices.import.ratio")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {splits.slice(0, SHOWN).map((split) => (
              <TableRow key={split.date}>
                <TableCell className="font-mono tabular-nums">{split.date}</TableCell>
                <TableCell className="font-mono tabular-nums">{formatSplitRatio(split.ratio)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </AlertDescription>
    </Alert>
  );
}
