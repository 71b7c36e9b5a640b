"use client";

import { ArrowRightIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { CardAction } from "@/components/ui/card";
import { useT } from "@/lib/i18n";

/** A dashboard card's way to the whole list: "View all →" in the card's header. */
export function ViewAllAction({ href }: { href: string }) {
  const t = useT();
  return (
    <CardAction>
      <Button asChild variant="ghost" size="sm">
        <Link href={href}>
          {t("common.viewAll")}
          <ArrowRightIcon />
        </Link>
      </Button>
    </CardAction>
  );
}
