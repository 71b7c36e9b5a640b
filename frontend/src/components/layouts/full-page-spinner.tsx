"use client";

import { Spinner } from "@/components/ui/spinner";
import { useT } from "@/lib/i18n";

export function FullPageSpinner() {
  const t = useT();
  return (
    <div className="flex min-h-[60dvh] items-center justify-center">
      <Spinner className="size-6 text-muted-foreground" label={t("common.loading")} />
    </div>
  );
}
