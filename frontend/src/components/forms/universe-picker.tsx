"use client";

import { AlertTriangleIcon } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { useUniverse, useUniverses } from "@/lib/api/universes";
import { useT } from "@/lib/i18n";
import { formatSymbolList, MAX_UNIVERSE_SYMBOLS, parseSymbolList } from "@/lib/symbol-list";
import { cn } from "@/lib/utils";

/** What a run form gets: the symbols to trade and, when they came from one, the saved universe. */
export interface UniverseChoice {
  universeId: string | null;
  symbols: string[];
}

/** Universes the picker lists: the API's largest page, yours and the shared ones, by name. */
const LIST = { scope: "all", page: 0, size: 100, sort: "name,asc" } as const;
const PREVIEW = 16;

/**
 * Chooses the symbols of a portfolio run: a saved universe (yours or a shared one), or several symbols
 * typed or pasted in any separators. Controlled: `value` in, every change out through `onChange`. It
 * says which symbols have no data yet, so a form can warn before the run is refused.
 */
export function UniversePicker({
  value,
  onChange,
  invalid,
  className,
}: {
  value: UniverseChoice;
  onChange: (choice: UniverseChoice) => void;
  invalid?: boolean;
  className?: string;
}) {
  const t = useT();
  const id = useId();
  const [mode, setMode] = useState<"saved" | "typed">(value.universeId === null && value.symbols.length > 0 ? "typed" : "saved");
  const [text, setText] = useState(() => (value.universeId === null ? formatSymbolList(value.symbols) : ""));
  const universes = useUniverses(LIST);
  const detail = useUniverse(mode === "saved" ? value.universeId : null);
  const chosen = detail.data;

  // A saved universe's symbols arrive with its detail: hand them to the form once they do.
  useEffect(() => {
    const symbols = chosen?.symbols;
    if (mode !== "saved" || !chosen || chosen.id !== value.universeId || !symbols) return;
    if (symbols.length !== value.symbols.length || symbols.some((s, i) => s !== value.symbols[i])) {
      onChange({ universeId: chosen.id ?? null, symbols });
    }
  }, [chosen, mode, value.universeId, value.symbols, onChange]);

  const typed = parseSymbolList(text);
  const missing = mode === "saved" ? (chosen?.missing_symbols ?? []) : [];

  return (
    <div className={cn("grid gap-3", className)} data-testid="universe-picker">
      <Tabs
        value={mode}
        onValueChange={(next) => {
          const nextMode = next as "saved" | "typed";
          setMode(nextMode);
          onChange(nextMode === "typed" ? { universeId: null, symbols: typed.symbols } : { universeId: null, symbols: [] });
        }}
      >
        <TabsList aria-label={t("universePicker.mode")}>
          <TabsTrigger value="saved">{t("universePicker.saved")}</TabsTrigger>
          <TabsTrigger value="typed">{t("universePicker.typed")}</TabsTrigger>
        </TabsList>
      </Tabs>

      {mode === "saved" ? (
        <div className="grid gap-2">
          <Label htmlFor={`${id}-universe`}>{t("universePicker.universe")}</Label>
          {universes.isPending ? (
            <Skeleton className="h-9" />
          ) : (
            <Select value={value.universeId ?? ""} onValueChange={(universeId) => onChange({ universeId, symbols: [] })}>
              <SelectTrigger id={`${id}-universe`} aria-invalid={invalid || undefined} className="w-full">
                <SelectValue placeholder={t("universePicker.choose")} />
              </SelectTrigger>
              <SelectContent>
                {(universes.data?.items ?? []).map((u) => (
                  <SelectItem key={u.id} value={u.id ?? ""}>
                    {u.name} · {t("universes.symbolCount", { count: u.symbol_count ?? 0 })}
                    {u.shared ? ` · ${t("universes.sharedBadge")}` : ""}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
          {universes.data?.items?.length === 0 && (
            <p className="text-sm break-keep text-muted-foreground">{t("universePicker.noneSaved")}</p>
          )}
          {value.universeId !== null && detail.isPending && <Skeleton className="h-6" />}
          {chosen?.symbols && (
            <ul className="flex flex-wrap gap-1" aria-label={t("universes.symbols")}>
              {chosen.symbols.slice(0, PREVIEW).map((symbol) => (
                <li key={symbol}>
                  <Badge variant={missing.includes(symbol) ? "warning" : "outline"} className="font-mono font-normal">
                    {symbol}
                  </Badge>
                </li>
              ))}
              {chosen.symbols.length > PREVIEW && (
                <li>
                  <Badge variant="secondary">{t("universes.more", { count: chosen.symbols.length - PREVIEW })}</Badge>
                </li>
              )}
            </ul>
          )}
        </div>
      ) : (
        <div className="grid gap-2">
          <Label htmlFor={`${id}-symbols`}>{t("universePicker.symbols")}</Label>
          <Textarea
            id={`${id}-symbols`}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              onChange({ universeId: null, symbols: parseSymbolList(event.target.value).symbols });
            }}
            rows={3}
            spellCheck={false}
            placeholder="SPY, QQQ, TLT, GLD"
            aria-invalid={invalid || typed.invalid.length > 0 || typed.symbols.length > MAX_UNIVERSE_SYMBOLS || undefined}
            className="max-h-40 font-mono"
          />
          <p className="text-xs break-keep text-muted-foreground tabular-nums">
            {t("universes.symbolCount", { count: typed.symbols.length })} · {t("universes.symbolsHint", { max: MAX_UNIVERSE_SYMBOLS })}
          </p>
          {typed.invalid.length > 0 && (
            <p className="text-sm break-keep text-destructive" role="alert">
              {t("universes.notTickers")} <span className="font-mono">{typed.invalid.slice(0, 10).join(", ")}</span>
            </p>
          )}
          {typed.symbols.length > MAX_UNIVERSE_SYMBOLS && (
            <p className="text-sm text-destructive" role="alert">
              {t("universes.tooManySymbols")}
            </p>
          )}
        </div>
      )}

      {missing.length > 0 && (
        <p className="flex items-start gap-1.5 text-sm break-keep text-muted-foreground" data-testid="universe-picker-missing">
          <AlertTriangleIcon className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden />
          <span>
            {t("universePicker.missing", { count: missing.length })} <span className="font-mono">{missing.slice(0, 10).join(", ")}</span>
          </span>
        </p>
      )}
    </div>
  );
}
