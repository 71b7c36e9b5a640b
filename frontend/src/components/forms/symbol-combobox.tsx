"use client";

import { SearchIcon } from "lucide-react";
import { useId, useMemo, useRef, useState, type ComponentProps, type KeyboardEvent } from "react";
import type { FieldPath, FieldValues } from "react-hook-form";
import { LabelledField, type FieldProps } from "@/components/forms/fields";
import { FormControl } from "@/components/forms/form";
import { BoardBadge } from "@/components/layouts/board-badge";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import type { SchemaSymbolView } from "@/lib/api/schema";
import { formatBarTime, formatInteger } from "@/lib/format";
import { useLanguage, useLocale, useT } from "@/lib/i18n";
import { symbolName } from "@/lib/symbol-name";
import { compareIntervals } from "@/lib/intervals";
import { cn } from "@/lib/utils";

const MAX_OPTIONS = 50;

/**
 * One entry per symbol, as a run reads it when it names no dataset: the user's own upload when they
 * have one, else the shared series.
 */
export function preferOwnUploads(symbols: readonly SchemaSymbolView[]): SchemaSymbolView[] {
  const own = new Set(symbols.filter((s) => s.dataset === "own").map((s) => s.symbol));
  return symbols.filter((s) => s.dataset === "own" || !own.has(s.symbol));
}

/** Symbols whose code, name or Korean name contains the query (case-insensitive), exact code matches first. */
export function filterSymbols(symbols: readonly SchemaSymbolView[], query: string): SchemaSymbolView[] {
  const q = query.trim().toLowerCase();
  if (!q) return symbols.slice(0, MAX_OPTIONS);
  return symbols
    .filter(
      (s) =>
        (s.symbol ?? "").toLowerCase().includes(q) ||
        (s.name ?? "").toLowerCase().includes(q) ||
        (s.name_ko ?? "").toLowerCase().includes(q),
    )
    .sort((a, b) => Number((b.symbol ?? "").toLowerCase() === q) - Number((a.symbol ?? "").toLowerCase() === q))
    .slice(0, MAX_OPTIONS);
}

/** A symbol's stored intervals, each with its range and bar count. */
export function SymbolIntervals({ symbol, className }: { symbol: SchemaSymbolView; className?: string }) {
  const t = useT();
  const locale = useLocale();
  const intervals = [...(symbol.intervals ?? [])].sort((a, b) => compareIntervals(a.interval, b.interval));
  if (intervals.length === 0) return <span className={cn("text-xs text-muted-foreground", className)}>{t("marketData.noBars")}</span>;
  return (
    <span className={cn("grid gap-0.5 text-xs text-muted-foreground", className)}>
      {intervals.map((i) => (
        <span key={i.interval} className="flex flex-wrap items-center gap-x-1.5 tabular-nums">
          <span className="w-8 font-mono font-medium text-foreground/80">{i.interval}</span>
          <span>
            {formatBarTime(i.first_bar, i.interval, symbol.time_zone)} → {formatBarTime(i.last_bar, i.interval, symbol.time_zone)}
          </span>
          <span>· {t("marketData.barCount", { count: formatInteger(i.bar_count, locale) })}</span>
        </span>
      ))}
    </span>
  );
}

/**
 * Symbol search as an ARIA combobox: type to filter by code or name, arrows to move, Enter to pick,
 * Escape to close. Each option shows the symbol's stored intervals with their first and last bar and
 * bar count. Extra props (id, aria-invalid, aria-describedby, onBlur from a form field) go to the input.
 */
export function SymbolCombobox({
  symbols,
  value,
  onChange,
  loading,
  placeholder,
  className,
  onBlur,
  ...inputProps
}: {
  symbols: readonly SchemaSymbolView[];
  value: string;
  onChange: (symbol: SchemaSymbolView) => void;
  loading?: boolean;
  placeholder?: string;
  className?: string;
} & Omit<ComponentProps<"input">, "value" | "onChange" | "className">) {
  const t = useT();
  const language = useLanguage();
  const listId = useId();
  const [typing, setTyping] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const query = typing ?? value;
  const options = useMemo(() => filterSymbols(symbols, typing ?? ""), [symbols, typing]);
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));

  const pick = (symbol: SchemaSymbolView) => {
    onChange(symbol);
    setTyping(null);
    setOpen(false);
  };

  const move = (delta: number) => {
    setOpen(true);
    const next = options.length === 0 ? 0 : (activeIndex + delta + options.length) % options.length;
    setActive(next);
    listRef.current?.querySelector(`[data-index="${next}"]`)?.scrollIntoView({ block: "nearest" });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      move(open ? 1 : 0);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      move(-1);
    } else if (event.key === "Enter" && open) {
      event.preventDefault();
      const option = options[activeIndex];
      if (option) pick(option);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      setTyping(null);
    }
  };

  return (
    <div className={cn("relative", className)}>
      <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
      <Input
        {...inputProps}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[activeIndex] ? `${listId}-${activeIndex}` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={query}
        placeholder={placeholder}
        className="pl-8 font-mono uppercase placeholder:font-sans placeholder:normal-case"
        onChange={(event) => {
          setTyping(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={(event) => {
          onBlur?.(event);
          // Let a click on an option land first.
          setTimeout(() => {
            setOpen(false);
            setTyping(null);
          }, 150);
        }}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul
          ref={listRef}
          id={listId}
          role="listbox"
          aria-label={t("symbolSearch.results")}
          className="absolute z-50 mt-1 max-h-80 w-full overflow-y-auto rounded-md border bg-popover p-1 text-popover-foreground shadow-md"
        >
          {loading ? (
            <li className="px-2 py-3 text-sm text-muted-foreground" role="presentation">
              {t("common.loading")}
            </li>
          ) : options.length === 0 ? (
            <li className="px-2 py-3 text-sm text-muted-foreground" role="presentation">
              {t("symbolSearch.noMatches")}
            </li>
          ) : (
            options.map((symbol, index) => (
              <li
                key={`${symbol.symbol}/${symbol.dataset}`}
                id={`${listId}-${index}`}
                data-index={index}
                role="option"
                aria-selected={index === activeIndex}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(symbol)}
                onMouseEnter={() => setActive(index)}
                className={cn(
                  "grid cursor-pointer gap-1 rounded-sm px-2 py-2 text-sm",
                  index === activeIndex && "bg-accent text-accent-foreground",
                )}
              >
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-mono font-semibold">{symbol.symbol}</span>
                  {symbol.market && <Badge variant="outline">{symbol.market}</Badge>}
                  <BoardBadge board={symbol.board} />
                  {symbol.dataset === "own" && <Badge variant="secondary">{t("symbolSearch.ownUpload")}</Badge>}
                  {symbol.currency && <span className="text-xs text-muted-foreground">{symbol.currency}</span>}
                  <span className="min-w-0 truncate text-xs text-muted-foreground">{symbolName(symbol, language)}</span>
                </span>
                <SymbolIntervals symbol={symbol} />
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}

/** A form's symbol field: the combobox bound to `name`, its label, a hint and the field's message. Other props go to the combobox. */
export function SymbolField<TValues extends FieldValues, TName extends FieldPath<TValues>>({
  control,
  name,
  label,
  description,
  ...comboboxProps
}: FieldProps<TValues, TName> & Omit<ComponentProps<typeof SymbolCombobox>, "name" | "value" | "onBlur">) {
  return (
    <LabelledField
      control={control}
      name={name}
      label={label}
      description={description}
      render={(field) => (
        <FormControl>
          <SymbolCombobox {...comboboxProps} value={field.value ?? ""} onBlur={field.onBlur} name={field.name} />
        </FormControl>
      )}
    />
  );
}
