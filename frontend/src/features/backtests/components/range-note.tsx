"use client";

import { CalendarRangeIcon } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import type { SchemaBacktestResponse } from "@/lib/api/schema";
import { useT } from "@/lib/i18n";

/** Whether the run covers fewer days than it asked for (its dates were clipped to the data). */
export function isClipped(run: Pick<SchemaBacktestResponse, "start_date" | "end_date" | "requested_start_date" | "requested_end_date">) {
  return (
    (!!run.requested_start_date && run.requested_start_date !== run.start_date) ||
    (!!run.requested_end_date && run.requested_end_date !== run.end_date)
  );
}

/** Says which dates the run asked for and which days of data it actually covered. */
export function RangeNote({ run }: { run: SchemaBacktestResponse }) {
  const t = useT();
  if (!isClipped(run)) return null;
  return (
    <Alert data-testid="range-note">
      <CalendarRangeIcon />
      <AlertDescription className="break-keep">
        {t("dataRange.clipped", {
          requestedStart: run.requested_start_date,
          requestedEnd: run.requested_end_date,
          start: run.start_date,
          end: run.end_date,
        })}
      </AlertDescription>
    </Alert>
  );
}
