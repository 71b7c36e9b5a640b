"use client";

import { CheckIcon, PencilIcon, PlusIcon, XIcon } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { errorMessage } from "@/lib/api/errors";
import type { SchemaBacktestResponse } from "@/lib/api/schema";
import { useT } from "@/lib/i18n";
import { useEditBacktest } from "../api/edit-backtest";

export const MAX_NAME = 200;
export const MAX_NOTES = 10_000;
export const MAX_TAGS = 20;
export const MAX_TAG = 40;

/**
 * `tags` with `tag` added as the API will keep it: trimmed, inner spaces collapsed, not added again when
 * the run has it already in any case; unchanged when blank.
 */
export function withTag(tags: readonly string[], tag: string): string[] {
  const clean = tag.trim().replace(/\s+/g, " ").slice(0, MAX_TAG);
  if (!clean || tags.some((t) => t.toLowerCase() === clean.toLowerCase())) return [...tags];
  return [...tags, clean];
}

/** The run's name as the page title, renamed in place (Enter saves, Escape cancels) when editable. */
export function RunTitle({ run, editable = true }: { run: SchemaBacktestResponse; editable?: boolean }) {
  const t = useT();
  const edit = useEditBacktest(run.id!);
  const [draft, setDraft] = useState<string | null>(null);
  const name = run.name ?? run.strategy_name ?? "";

  const save = (event: FormEvent) => {
    event.preventDefault();
    const next = draft?.trim() ?? "";
    if (!next || next === name) {
      setDraft(null);
      return;
    }
    edit.mutate(
      { name: next },
      {
        onSuccess: () => setDraft(null),
        onError: (error) => toast.error(t("share.document.saveFailed", { message: errorMessage(error, t) })),
      },
    );
  };

  if (draft === null) {
    return (
      <span className="inline-flex min-w-0 items-center gap-1">
        <span className="break-keep" data-testid="run-name">
          {name}
        </span>
        {editable && (
          <Button
            variant="ghost"
            size="icon-sm"
            className="print:hidden"
            onClick={() => setDraft(name)}
            aria-label={t("share.document.rename")}
            title={t("share.document.rename")}
            data-testid="rename-run"
          >
            <PencilIcon />
          </Button>
        )}
      </span>
    );
  }
  return (
    <form className="inline-flex w-full max-w-xl items-center gap-1" onSubmit={save}>
      <Input
        autoFocus
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && setDraft(null)}
        maxLength={MAX_NAME}
        aria-label={t("share.document.nameLabel")}
        className="h-9 text-lg font-semibold"
        data-testid="run-name-input"
      />
      <Button type="submit" size="icon-sm" aria-label={t("share.document.save")} disabled={edit.isPending} data-testid="run-name-save">
        {edit.isPending ? <Spinner /> : <CheckIcon />}
      </Button>
      <Button type="button" variant="ghost" size="icon-sm" aria-label={t("share.document.cancel")} onClick={() => setDraft(null)}>
        <XIcon />
      </Button>
    </form>
  );
}

/** The run's notes and tags: the owner's own record of why it ran and what it showed. */
export function RunNotes({ run }: { run: SchemaBacktestResponse }) {
  const t = useT();
  const edit = useEditBacktest(run.id!);
  const [draft, setDraft] = useState<string | null>(null);
  const [tag, setTag] = useState("");
  const tags = run.tags ?? [];
  const notes = run.notes ?? "";
  const failed = (error: unknown) => toast.error(t("share.document.saveFailed", { message: errorMessage(error, t) }));

  const saveNotes = () =>
    edit.mutate(
      { notes: draft ?? "" },
      {
        onSuccess: () => {
          setDraft(null);
          toast.success(t("share.document.saved"));
        },
        onError: failed,
      },
    );

  const addTag = (event: FormEvent) => {
    event.preventDefault();
    const next = withTag(tags, tag);
    if (next.length === tags.length) {
      setTag("");
      return;
    }
    if (next.length > MAX_TAGS) {
      toast.error(t("share.document.tooManyTags"));
      return;
    }
    edit.mutate({ tags: next }, { onSuccess: () => setTag(""), onError: failed });
  };

  return (
    <Card className="gap-3" data-testid="run-notes">
      <CardHeader>
        <CardTitle>{t("share.document.notesTitle")}</CardTitle>
        <CardDescription className="break-keep">{t("share.document.notesHint")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <div className="flex flex-wrap items-center gap-1.5" aria-label={t("share.document.tagsLabel")} role="group">
          {tags.map((name) => (
            <Badge key={name} variant="secondary" className="gap-1 pr-1" data-testid="run-tag">
              {name}
              <button
                type="button"
                className="rounded-sm opacity-70 hover:opacity-100 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none print:hidden"
                onClick={() => edit.mutate({ tags: tags.filter((t) => t !== name) }, { onError: failed })}
                aria-label={t("share.document.removeTag", { tag: name })}
                disabled={edit.isPending}
              >
                <XIcon className="size-3" />
              </button>
            </Badge>
          ))}
          <form className="flex items-center gap-1 print:hidden" onSubmit={addTag}>
            <Input
              value={tag}
              onChange={(e) => setTag(e.target.value)}
              maxLength={MAX_TAG}
              placeholder={t("share.document.addTagPlaceholder")}
              aria-label={t("share.document.addTag")}
              className="h-7 w-40 text-xs"
              data-testid="run-tag-input"
            />
            <Button
              type="submit"
              variant="ghost"
              size="icon-sm"
              aria-label={t("share.document.addTag")}
              disabled={edit.isPending || !tag.trim()}
            >
              <PlusIcon />
            </Button>
          </form>
        </div>
        {draft === null ? (
          <div className="flex items-start justify-between gap-2">
            <p className="min-w-0 text-sm break-keep whitespace-pre-wrap" data-testid="run-notes-text">
              {notes || <span className="text-muted-foreground">{t("share.document.notesEmpty")}</span>}
            </p>
            <Button variant="outline" size="sm" className="shrink-0 print:hidden" onClick={() => setDraft(notes)} data-testid="edit-notes">
              <PencilIcon />
              {t("share.document.notesEdit")}
            </Button>
          </div>
        ) : (
          <div className="grid gap-2">
            <Textarea
              autoFocus
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              maxLength={MAX_NOTES}
              rows={6}
              placeholder={t("share.document.notesPlaceholder")}
              aria-label={t("share.document.notesTitle")}
              data-testid="run-notes-input"
            />
            <div className="flex items-center justify-between gap-2">
              <span className="text-xs text-muted-foreground tabular-nums">
                {t("share.document.notesCount", { count: draft.length.toLocaleString() })}
              </span>
              <div className="flex gap-2">
                <Button variant="ghost" size="sm" onClick={() => setDraft(null)}>
                  {t("share.document.cancel")}
                </Button>
                <Button size="sm" onClick={saveNotes} disabled={edit.isPending} data-testid="save-notes">
                  {edit.isPending && <Spinner />}
                  {t("share.document.save")}
                </Button>
              </div>
            </div>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
