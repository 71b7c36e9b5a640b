"use client";

import { LockIcon, PauseCircleIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useT } from "@/lib/i18n";
import { isFillNote } from "@/lib/prices";

/**
 * Why a fill waited (issue 19): a bar locked at the KRX price limit (상한가/하한가 잠김) or a trading
 * halt (거래정지), as a badge whose tooltip says what happened. Nothing for no note or one this version
 * does not know.
 */
export function FillNoteBadge({ note }: { note: string | null | undefined }) {
  const t = useT();
  if (!isFillNote(note)) return null;
  const Icon = note === "halted" ? PauseCircleIcon : LockIcon;
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Badge variant="warning" tabIndex={0} className="cursor-help" data-testid={`fill-note-${note}`}>
          <Icon aria-hidden />
          {t(`prices.notes.${note}`)}
        </Badge>
      </TooltipTrigger>
      <TooltipContent className="break-keep">{t(`prices.noteHints.${note}`)}</TooltipContent>
    </Tooltip>
  );
}
