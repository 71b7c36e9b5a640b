"use client";

import { CopyIcon, FileDownIcon, Link2OffIcon, Share2Icon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/layouts/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { Switch } from "@/components/ui/switch";
import { errorMessage } from "@/lib/api/errors";
import type { SchemaBacktestResponse } from "@/lib/api/schema";
import { useLanguage, useT } from "@/lib/i18n";
import { downloadReport } from "../api/download-report";
import { useShareBacktest } from "../api/share-backtest";

/** The full address of a shared run's page on this site. */
export function shareUrl(path: string, origin = typeof window === "undefined" ? "" : window.location.origin): string {
  return `${origin}${path}`;
}

/** "공유": create the run's public link, copy it, choose whether it shows the code, revoke it. */
export function ShareDialog({ run }: { run: SchemaBacktestResponse }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const { share, revoke } = useShareBacktest(run.id!);
  const link = run.share ?? null;
  const url = link?.path ? shareUrl(link.path) : "";
  const failed = (error: unknown) => toast.error(t("share.dialog.failed", { message: errorMessage(error, t) }));

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      toast.success(t("share.dialog.copied"));
    } catch {
      toast.error(t("share.dialog.copyFailed"));
    }
  };

  return (
    <>
      <Button variant="outline" onClick={() => setOpen(true)} data-testid="share-run">
        <Share2Icon />
        {t("share.dialog.open")}
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent closeLabel={t("common.close")} data-testid="share-dialog">
          <DialogHeader>
            <DialogTitle>{t("share.dialog.title")}</DialogTitle>
            <DialogDescription className="break-keep">{t("share.dialog.description")}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-4">
            <div className="flex items-start gap-3">
              <Switch
                id="share-include-code"
                checked={link?.include_code ?? false}
                disabled={!link || share.isPending}
                onCheckedChange={(checked) => share.mutate(checked, { onError: failed })}
                data-testid="share-include-code"
              />
              <div className="grid gap-0.5">
                <Label htmlFor="share-include-code">{t("share.dialog.includeCode")}</Label>
                <span className="text-xs break-keep text-muted-foreground">{t("share.dialog.includeCodeHint")}</span>
              </div>
            </div>
            {link ? (
              <>
                <div className="grid gap-1.5">
                  <Label htmlFor="share-url">{t("share.dialog.linkLabel")}</Label>
                  <div className="flex gap-2">
                    <Input
                      id="share-url"
                      readOnly
                      value={url}
                      onFocus={(e) => e.target.select()}
                      className="font-mono text-xs"
                      data-testid="share-url"
                    />
                    <Button variant="outline" onClick={() => void copy()} data-testid="share-copy">
                      <CopyIcon />
                      {t("share.dialog.copy")}
                    </Button>
                  </div>
                </div>
                <div className="flex justify-end">
                  <Button variant="ghost" className="text-destructive" onClick={() => setConfirmRevoke(true)} data-testid="share-revoke">
                    <Link2OffIcon />
                    {t("share.dialog.revoke")}
                  </Button>
                </div>
              </>
            ) : (
              <Button onClick={() => share.mutate(false, { onError: failed })} disabled={share.isPending} data-testid="share-create">
                {share.isPending ? <Spinner /> : <Share2Icon />}
                {share.isPending ? t("share.dialog.creating") : t("share.dialog.create")}
              </Button>
            )}
          </div>
        </DialogContent>
      </Dialog>
      <ConfirmDialog
        open={confirmRevoke}
        onOpenChange={setConfirmRevoke}
        title={t("share.dialog.revokeTitle")}
        description={t("share.dialog.revokeDescription")}
        confirmLabel={t("share.dialog.revoke")}
        destructive
        pending={revoke.isPending}
        onConfirm={() =>
          revoke.mutate(undefined, {
            onSuccess: () => {
              setConfirmRevoke(false);
              toast.success(t("share.dialog.revoked"));
            },
            onError: failed,
          })
        }
      />
    </>
  );
}

/** Downloads the run's self-contained HTML report in the reader's language. */
export function ReportButton({ run }: { run: SchemaBacktestResponse }) {
  const t = useT();
  const language = useLanguage();
  const [pending, setPending] = useState(false);
  const name = (run.name ?? run.strategy_name ?? "run").replace(/[\\/:*?"<>|\p{Cc}]+/gu, "_").slice(0, 100);
  const onClick = async () => {
    setPending(true);
    try {
      await downloadReport(run.id!, `${name}-report.html`, language);
    } catch (error) {
      toast.error(t("share.report.failed", { message: errorMessage(error, t) }));
    } finally {
      setPending(false);
    }
  };
  return (
    <Button
      variant="outline"
      onClick={() => void onClick()}
      disabled={pending}
      title={t("share.report.downloadTitle")}
      data-testid="download-report"
    >
      {pending ? <Spinner /> : <FileDownIcon />}
      {t("share.report.download")}
    </Button>
  );
}
