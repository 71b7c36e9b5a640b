"use client";

import { ErrorState } from "@/components/layouts/states";

export default function RootError({ error, reset }: { error: Error; reset: () => void }) {
  return <ErrorState error={error} onRetry={reset} className="min-h-[60dvh]" />;
}
