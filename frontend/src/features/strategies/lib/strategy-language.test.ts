import { describe, expect, it } from "vitest";
import type { Catalogue } from "./strategy-language";
import { callSnippet, completionEntries, definedNames, hoverMarkdown, monarchLanguage, toMarkers } from "./strategy-language";

const catalogue: Catalogue = {
  functions: [
    {
      name: "sma",
      category: "moving average",
      signature: "sma(source, length)",
      params: [
        { name: "source", kind: "series", default_value: null, default_text: null, choices: [], required: true },
        { name: "length", kind: "length", default_value: null, default_text: null, choices: [], required: true },
      ],
      result: "number",
      fields: [],
      description: "Simple moving average.",
      description_ko: "단순 이동평균.",
      example: "fast = sma(close, 10)",
    },
    {
      name: "macd",
      category: "momentum",
      signature: "macd(source, fast=12, slow=26, signal=9)",
      params: [
        { name: "source", kind: "series", default_value: null, default_text: null, choices: [], required: true },
        { name: "fast", kind: "length", default_value: 12, default_text: null, choices: [], required: false },
      ],
      result: "fields",
      fields: ["macd", "signal", "histogram"],
      description: "MACD.",
      description_ko: "MACD.",
      example: null,
    },
  ],
  variables: [{ name: "close", category: "price", description: "The close.", description_ko: "종가." }],
  outputs: [{ name: "long_entry", type: "bool", intrabar: false, description: "buy when true" }],
  keywords: ["param", "in", "step", "and", "or", "not", "true", "false", "na"],
  limits: {},
};

describe("the strategy language in the editor", () => {
  it("tokenises with the catalogue's names", () => {
    const grammar = monarchLanguage(catalogue) as unknown as Record<string, unknown>;
    expect(grammar.functions).toEqual(["sma", "macd"]);
    expect(grammar.outputs).toEqual(["long_entry"]);
    expect(grammar.keywords).toContain("param");
  });

  it("falls back to the documented names before the catalogue loads", () => {
    const grammar = monarchLanguage() as unknown as Record<string, string[]>;
    expect(grammar.variables).toContain("close");
    expect(grammar.outputs).toContain("trailing_stop");
  });

  it("completes a call with tab stops for the required arguments only", () => {
    expect(callSnippet(catalogue.functions![0]!)).toBe("sma(${1:source}, ${2:length})$0");
    expect(callSnippet(catalogue.functions![1]!)).toBe("macd(${1:source})$0");
  });

  it("quotes a text argument and leaves out the optional ones of plot", () => {
    const plot = {
      name: "plot",
      category: "plot",
      signature: 'plot(title, series, color, style="line", pane="price")',
      params: [
        { name: "title", kind: "string", default_value: null, default_text: null, choices: [], required: true },
        {
          name: "series",
          kind: "number or bool series",
          default_value: null,
          default_text: null,
          choices: [],
          required: true,
        },
        { name: "color", kind: "string", default_value: null, default_text: null, choices: [], required: false },
        {
          name: "style",
          kind: "string",
          default_value: null,
          default_text: "line",
          choices: ["line", "step", "histogram"],
          required: false,
        },
      ],
      result: "none",
      fields: [],
      description: "Draws a series.",
      description_ko: "시리즈를 그립니다.",
      example: null,
    };
    expect(callSnippet(plot)).toBe('plot("${1:title}", ${2:series})$0');
  });

  it("offers built-ins in the user's language and the names the code defines", () => {
    const code = "param fast = 10 in 2..100\nf = sma(close, fast)\nlong_entry = close > f";
    const entries = completionEntries(catalogue, code, "ko");
    expect(entries.find((e) => e.label === "sma")).toMatchObject({
      kind: "function",
      snippet: true,
      detail: "sma(source, length) → number",
    });
    expect(entries.find((e) => e.label === "sma")?.documentation).toContain("단순 이동평균.");
    expect(entries.find((e) => e.label === "macd")?.detail).toContain(".macd .signal .histogram");
    expect(entries.find((e) => e.label === "fast")).toMatchObject({ kind: "param" });
    expect(entries.find((e) => e.label === "f")).toMatchObject({ kind: "name" });
    expect(entries.filter((e) => e.label === "long_entry")).toHaveLength(1);
  });

  it("finds the names a strategy defines", () => {
    expect(definedNames("# c\nparam k = 0.5\nnoise := 1\nlong_entry = noise == 1\n  x=1")).toEqual([
      { name: "k", param: true },
      { name: "noise", param: false },
      { name: "long_entry", param: false },
      { name: "x", param: false },
    ]);
  });

  it("documents a hovered name", () => {
    expect(hoverMarkdown(catalogue, "sma", "en")?.join("\n")).toContain("Simple moving average.");
    expect(hoverMarkdown(catalogue, "close", "ko")).toEqual(["**close** · price", "종가."]);
    expect(hoverMarkdown(catalogue, "long_entry", "en")?.[0]).toContain("output (bool)");
    expect(hoverMarkdown(catalogue, "my_variable", "en")).toBeNull();
  });

  it("underlines each compile error where the compiler says", () => {
    expect(toMarkers([{ line: 3, column: 14, length: 4, message: "unknown name" }], 5)).toEqual([
      { startLineNumber: 3, startColumn: 14, endLineNumber: 3, endColumn: 18, message: "unknown name" },
    ]);
    expect(toMarkers([{ line: 99, column: 1, length: 0, message: "unexpected end" }], 5)[0]).toMatchObject({
      startLineNumber: 5,
      endColumn: 2,
    });
  });
});
