"use client";

import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n";
import { KRX_BOARDS, type KrxBoard } from "@/lib/prices";
import { cn } from "@/lib/utils";

/** A KRX symbol's board (KOSPI, KOSDAQ, KONEX, ETF) as a small badge; nothing for other symbols. */
export function BoardBadge({ board, className }: { board: string | null | undefined; className?: string }) {
  const t = useT();
  const code = (board ?? "").toLowerCase();
  if (!(KRX_BOARDS as readonly string[]).includes(code)) return null;
  return (
    <Badge variant="secondary" className={cn("font-normal", className)} data-testid="board-badge">
      {t(`prices.boards.${code as KrxBoard}`)}
    </Badge>
  );
}
