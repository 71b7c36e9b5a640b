"use client";

import { TagIcon } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { useT } from "@/lib/i18n";
import { cn } from "@/lib/utils";

/** How long typing must pause before the list asks the API again. */
const TYPING_PAUSE_MS = 300;

/** A run's tags as small chips; nothing when it has none. */
export function RunTags({ tags, className }: { tags: readonly string[] | undefined; className?: string }) {
  if (!tags?.length) return null;
  return (
    <span className={cn("flex flex-wrap gap-1", className)} data-testid="run-tags">
      {tags.map((tag) => (
        <Badge key={tag} variant="secondary" className="px-1.5 py-0 text-[11px] font-normal">
          {tag}
        </Badge>
      ))}
    </span>
  );
}

/** The text in a search box, handed to the list once typing pauses (so a word is one request, not one a letter). */
export function useSearchText(applied: string, apply: (text: string) => void): [string, (text: string) => void] {
  const [text, setText] = useState(applied);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Cleared from outside (the filters' reset): show what the list now uses.
  const [shown, setShown] = useState(applied);
  if (applied !== shown) {
    setShown(applied);
    setText(applied);
  }
  useEffect(() => () => clearTimeout(timer.current), []);
  const onChange = (next: string) => {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => apply(next.trim()), TYPING_PAUSE_MS);
  };
  return [text, onChange];
}

/** Keeps `?q=` and `?tag=` of the address and the list's search in step, so a search can be bookmarked and shared. */
export function useRunListAddress(query: string, tag: string, setQuery: (q: string) => void, setTag: (t: string) => void) {
  const read = useRef(false);
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const q = params.get("q") ?? "";
    const t = params.get("tag") ?? "";
    if (q !== query) setQuery(q);
    if (t !== tag) setTag(t);
    read.current = true;
    // Read once, on arrival: afterwards the list writes the address.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (!read.current) return;
    const url = new URL(window.location.href);
    for (const [name, value] of [
      ["q", query],
      ["tag", tag],
    ] as const) {
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    }
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
  }, [query, tag]);
}

/** Filters the list by one tag (ignoring case), typed. */
export function TagFilter({ value, onChange }: { value: string; onChange: (tag: string) => void }) {
  const t = useT();
  const [text, setText] = useSearchText(value, onChange);
  return (
    <div className="relative w-40">
      <TagIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
      <Input
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t("share.list.tag")}
        aria-label={t("share.list.tag")}
        maxLength={40}
        className="h-8 pl-8"
        data-testid="runs-tag-filter"
      />
    </div>
  );
}
