"use client";

import { formatDateTime, formatRelativeTime, localTimeZone } from "@/lib/format";
import { useLocale } from "@/lib/i18n";

/** "3 hours ago", with the exact local time on hover: when a row was created or changed. */
export function RelativeTime({ value }: { value: string | undefined }) {
  const locale = useLocale();
  return (
    <time dateTime={value} title={formatDateTime(value, localTimeZone())} className="whitespace-nowrap text-muted-foreground">
      {formatRelativeTime(value, locale)}
    </time>
  );
}
