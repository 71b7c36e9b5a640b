"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { useNavigationGuard } from "@/hooks/use-unsaved-changes";
import { useT } from "@/lib/i18n";

/** Asks whether to leave a page with unsaved edits (see `useUnsavedChanges`); "Keep editing" is the safe default. */
export function UnsavedChangesDialog() {
  const t = useT();
  const open = useNavigationGuard((state) => state.pending !== null);
  const leave = useNavigationGuard((state) => state.leave);
  const stay = useNavigationGuard((state) => state.stay);
  return (
    <Dialog open={open} onOpenChange={(next) => !next && stay()}>
      <DialogContent closeLabel={t("common.close")} data-testid="unsaved-changes-dialog" className="break-keep">
        <DialogHeader>
          <DialogTitle>{t("unsaved.title")}</DialogTitle>
          <DialogDescription>{t("unsaved.description")}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="outline" onClick={leave} data-testid="unsaved-discard">
            {t("unsaved.discard")}
          </Button>
          <Button onClick={stay} autoFocus data-testid="unsaved-stay">
            {t("unsaved.stay")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
