import type { languages } from "monaco-editor/editor";
import type { SchemaLanguageCatalogueResponse, SchemaStrategyCodeError } from "@/lib/api/schema";

/**
 * The strategy language for the editor, as plain data and pure functions (docs/STRATEGY_LANGUAGE.md):
 * the Monarch grammar, completion entries and hover text built from the catalogue the API serves,
 * and compile errors as editor markers. monaco-setup.ts hands these to Monaco.
 */
export const LANGUAGE_ID = "tbs";

export type Catalogue = SchemaLanguageCatalogueResponse;
type Lang = "en" | "ko";

/** Used until the catalogue has loaded, and the grammar's fallback: the documented language. */
export const DEFAULT_KEYWORDS = ["param", "in", "step", "and", "or", "not", "true", "false", "na"];
const DEFAULT_VARIABLES = [
  "open",
  "high",
  "low",
  "close",
  "volume",
  "hl2",
  "hlc3",
  "ohlc4",
  "year",
  "month",
  "dayofmonth",
  "dayofweek",
  "hour",
  "minute",
  "position_size",
  "position_side",
  "entry_price",
  "bars_since_entry",
  "equity",
  "cash",
  "open_profit",
];
const DEFAULT_OUTPUTS = [
  "long_entry",
  "long_exit",
  "short_entry",
  "short_exit",
  "long_entry_stop",
  "long_entry_limit",
  "short_entry_stop",
  "short_entry_limit",
  "stop_loss",
  "take_profit",
  "trailing_stop",
  "size",
];

const names = (items: { name?: string }[] | undefined, fallback: string[]) =>
  items && items.length > 0 ? items.flatMap((item) => (item.name ? [item.name] : [])) : fallback;

/** The Monarch tokenizer: comments, numbers and percentages, keywords, built-ins, outputs, operators. */
export function monarchLanguage(catalogue?: Catalogue): languages.IMonarchLanguage {
  return {
    defaultToken: "",
    keywords: catalogue?.keywords?.length ? catalogue.keywords : DEFAULT_KEYWORDS,
    functions: names(catalogue?.functions, []),
    variables: names(catalogue?.variables, DEFAULT_VARIABLES),
    outputs: names(catalogue?.outputs, DEFAULT_OUTPUTS),
    operators: ["=", ":=", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "?", ":", "&&", "||", "!", ".."],
    symbols: /[=><!~?:&|+\-*/^%.]+/,
    tokenizer: {
      root: [
        [/(#|\/\/).*$/, "comment"],
        [/"([^"\\\n]|\\.)*"?/, "string"],
        [/(\d[\d_]*)?\.\d[\d_]*([eE][-+]?\d+)?%?/, "number"],
        [/\d[\d_]*(\.(?!\.)\d*)?([eE][-+]?\d+)?%?/, "number"],
        [/\.[a-zA-Z_]\w*/, "field"],
        [
          /[a-zA-Z_]\w*(?=\s*\()/,
          { cases: { "@functions": "predefined.function", "@keywords": "keyword", "@default": "identifier.call" } },
        ],
        [
          /[a-zA-Z_]\w*/,
          {
            cases: {
              "@keywords": "keyword",
              "@outputs": "type.output",
              "@variables": "variable.predefined",
              "@default": "identifier",
            },
          },
        ],
        [/[()[\]]/, "@brackets"],
        [/,/, "delimiter"],
        [/@symbols/, { cases: { "@operators": "operator", "@default": "" } }],
        [/\s+/, "white"],
      ],
    },
  } as languages.IMonarchLanguage;
}

export const languageConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: "#" },
  brackets: [
    ["(", ")"],
    ["[", "]"],
  ],
  autoClosingPairs: [
    { open: "(", close: ")" },
    { open: "[", close: "]" },
  ],
  surroundingPairs: [
    { open: "(", close: ")" },
    { open: "[", close: "]" },
  ],
  wordPattern: /[a-zA-Z_]\w*|\d[\d_.]*%?/,
};

export type EntryKind = "function" | "variable" | "output" | "keyword" | "name" | "param";

export interface CompletionEntry {
  label: string;
  kind: EntryKind;
  /** Snippet text (Monaco's ${1:placeholder} syntax) when `snippet`, else plain text. */
  insertText: string;
  snippet: boolean;
  detail: string;
  documentation: string;
}

const description = (item: { description?: string; description_ko?: string }, lang: Lang) =>
  (lang === "ko" ? item.description_ko : undefined) ?? item.description ?? "";

/** Names the code itself defines: `param x = ...` and `x = ...` at the start of a line. */
export function definedNames(code: string): { name: string; param: boolean }[] {
  const found = new Map<string, boolean>();
  for (const line of code.split("\n")) {
    const param = /^\s*param\s+([a-zA-Z_]\w*)\s*=/.exec(line);
    if (param?.[1]) {
      found.set(param[1], true);
      continue;
    }
    const assignment = /^\s*([a-zA-Z_]\w*)\s*:?=(?!=)/.exec(line);
    if (assignment?.[1] && !found.has(assignment[1])) found.set(assignment[1], false);
  }
  return [...found].map(([name, param]) => ({ name, param }));
}

/** A call snippet for a function: required arguments become tab stops, defaulted ones are left out. */
export function callSnippet(fn: NonNullable<Catalogue["functions"]>[number]): string {
  const required = (fn.params ?? []).filter((p) => p.required);
  // A text argument (plot's title) is typed between double quotes.
  const args = required.map((p, i) => {
    const placeholder = `\${${i + 1}:${p.name ?? `arg${i + 1}`}}`;
    return p.kind === "string" ? `"${placeholder}"` : placeholder;
  });
  return `${fn.name}(${args.join(", ")})$0`;
}

export function completionEntries(catalogue: Catalogue | undefined, code: string, lang: Lang): CompletionEntry[] {
  const entries: CompletionEntry[] = [];
  const builtins = new Set<string>();
  for (const fn of catalogue?.functions ?? []) {
    if (!fn.name) continue;
    builtins.add(fn.name);
    const returns = fn.result === "fields" ? `.${(fn.fields ?? []).join(" .")}` : (fn.result ?? "");
    entries.push({
      label: fn.name,
      kind: "function",
      insertText: callSnippet(fn),
      snippet: true,
      detail: `${fn.signature ?? fn.name} → ${returns}`,
      documentation: [description(fn, lang), fn.example ? `\`${fn.example}\`` : ""].filter(Boolean).join("\n\n"),
    });
  }
  for (const variable of catalogue?.variables ?? []) {
    if (!variable.name) continue;
    builtins.add(variable.name);
    entries.push({
      label: variable.name,
      kind: "variable",
      insertText: variable.name,
      snippet: false,
      detail: variable.category ?? "",
      documentation: description(variable, lang),
    });
  }
  for (const output of catalogue?.outputs ?? []) {
    if (!output.name) continue;
    builtins.add(output.name);
    entries.push({
      label: output.name,
      kind: "output",
      insertText: `${output.name} = `,
      snippet: false,
      detail: `output · ${output.type ?? ""}${output.intrabar ? " · intrabar" : ""}`,
      documentation: output.description ?? "",
    });
  }
  for (const keyword of catalogue?.keywords ?? DEFAULT_KEYWORDS) {
    entries.push({
      label: keyword,
      kind: "keyword",
      insertText: keyword === "param" ? "param ${1:name} = ${2:10} in ${3:1}..${4:100}$0" : keyword,
      snippet: keyword === "param",
      detail: "keyword",
      documentation: "",
    });
  }
  for (const { name, param } of definedNames(code)) {
    if (builtins.has(name)) continue;
    entries.push({
      label: name,
      kind: param ? "param" : "name",
      insertText: name,
      snippet: false,
      detail: param ? "param" : "",
      documentation: "",
    });
  }
  return entries;
}

/** Markdown for the word under the pointer, or null when it is not part of the language. */
export function hoverMarkdown(catalogue: Catalogue | undefined, word: string, lang: Lang): string[] | null {
  const fn = catalogue?.functions?.find((f) => f.name === word);
  if (fn) {
    const lines = ["```tbs\n" + (fn.signature ?? fn.name) + "\n```", description(fn, lang)];
    if (fn.result === "fields" && fn.fields?.length) lines.push(fn.fields.map((f) => `\`.${f}\``).join(" · "));
    if (fn.example) lines.push("```tbs\n" + fn.example + "\n```");
    return lines.filter(Boolean);
  }
  const variable = catalogue?.variables?.find((v) => v.name === word);
  if (variable) return [`**${variable.name}** · ${variable.category ?? ""}`, description(variable, lang)];
  const output = catalogue?.outputs?.find((o) => o.name === word);
  if (output) {
    return [`**${output.name}** · output (${output.type ?? ""})`, output.description ?? ""].filter(Boolean);
  }
  return null;
}

export interface MarkerData {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  message: string;
}

/** Compile errors (1-based line and column, length to underline) as editor marker ranges. */
export function toMarkers(errors: SchemaStrategyCodeError[] | undefined, lineCount: number): MarkerData[] {
  return (errors ?? []).map((error) => {
    const line = Math.min(Math.max(error.line ?? 1, 1), Math.max(lineCount, 1));
    const column = Math.max(error.column ?? 1, 1);
    return {
      startLineNumber: line,
      startColumn: column,
      endLineNumber: line,
      endColumn: column + Math.max(error.length ?? 1, 1),
      message: error.message ?? "",
    };
  });
}
