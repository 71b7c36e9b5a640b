import type { SchemaSymbolView } from "@/lib/api/schema";
import type { Language } from "@/lib/i18n";

type Named = Pick<SchemaSymbolView, "symbol" | "name"> & Partial<Pick<SchemaSymbolView, "name_ko">>;

/**
 * A symbol's name in the reader's language: in Korean its Korean name when known, else the English
 * one; empty when it has neither (or the name is only the ticker again).
 */
export function symbolName(symbol: Named, language: Language): string {
  const korean = symbol.name_ko?.trim();
  if (language === "ko" && korean) return korean;
  const name = symbol.name.trim();
  return name === symbol.symbol ? "" : name;
}

/** "삼성전자 (005930)" in Korean, "Samsung Electronics (005930)"  in English; the bare ticker without a name. */
export function symbolLabel(symbol: Named, language: Language): string {
  const name = symbolName(symbol, language);
  return name ? `${name} (${symbol.symbol})` : symbol.symbol;
}
