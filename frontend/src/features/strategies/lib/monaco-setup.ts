/**
 * Monaco from the bundled npm package (never a CDN): only the editor core and the contributions the
 * strategy editor uses, one editor worker served from our origin, and the strategy language with
 * completion and hover from the API's catalogue. Imported only in the browser (next/dynamic).
 */
import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor/editor";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/codeEditor/register";
import "monaco-editor/editor/browser/coreCommands";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/cursorUndo/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/indentation/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/multicursor/register";
import "monaco-editor/features/parameterHints/register";
import "monaco-editor/features/placeholderText/register";
import "monaco-editor/features/smartSelect/register";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/suggest/register";
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/features/toggleTabFocusMode/register";
import "monaco-editor/features/wordHighlighter/register";
import "monaco-editor/features/wordOperations/register";
import {
  completionEntries,
  hoverMarkdown,
  LANGUAGE_ID,
  languageConfiguration,
  monarchLanguage,
  type Catalogue,
  type EntryKind,
} from "./strategy-language";

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

window.MonacoEnvironment = {
  getWorker: () => new Worker(new URL("monaco-editor/editor/editor.worker", import.meta.url), { type: "module", name: "editor" }),
};

loader.config({ monaco });

/** What the providers read: the latest catalogue and the UI language, set by the editor component. */
const current: { catalogue?: Catalogue; language: "en" | "ko" } = { language: "en" };
let registered = false;

const KINDS: Record<EntryKind, monaco.languages.CompletionItemKind> = {
  function: monaco.languages.CompletionItemKind.Function,
  variable: monaco.languages.CompletionItemKind.Variable,
  output: monaco.languages.CompletionItemKind.Event,
  keyword: monaco.languages.CompletionItemKind.Keyword,
  name: monaco.languages.CompletionItemKind.Field,
  param: monaco.languages.CompletionItemKind.Constant,
};

function register() {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: LANGUAGE_ID, extensions: [".strategy"], aliases: ["Strategy"] });
  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, languageConfiguration);
  monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, monarchLanguage());
  monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, {
    triggerCharacters: ["."],
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const before = model.getValueInRange(new monaco.Range(position.lineNumber, 1, position.lineNumber, word.startColumn));
      const fieldOf = /([a-zA-Z_]\w*)(\([^()]*\))?\.$/.exec(before);
      if (fieldOf) {
        const fn = current.catalogue?.functions?.find((f) => f.name === fieldOf[1]);
        return {
          suggestions: (fn?.fields ?? []).map((field) => ({
            label: field,
            kind: monaco.languages.CompletionItemKind.Field,
            insertText: field,
            range,
          })),
        };
      }
      return {
        suggestions: completionEntries(current.catalogue, model.getValue(), current.language).map((entry) => ({
          label: entry.label,
          kind: KINDS[entry.kind],
          insertText: entry.insertText,
          insertTextRules: entry.snippet ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
          detail: entry.detail,
          documentation: entry.documentation ? { value: entry.documentation } : undefined,
          range,
        })),
      };
    },
  });
  monaco.languages.registerHoverProvider(LANGUAGE_ID, {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      if (!word) return null;
      const contents = hoverMarkdown(current.catalogue, word.word, current.language);
      if (!contents) return null;
      return {
        range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
        contents: contents.map((value) => ({ value })),
      };
    },
  });
  defineThemes();
}

function defineThemes() {
  const rules = (dark: boolean): monaco.editor.ITokenThemeRule[] => [
    { token: "comment", foreground: dark ? "7f8ea3" : "6a7585", fontStyle: "italic" },
    { token: "number", foreground: dark ? "f0a35e" : "b4530b" },
    { token: "keyword", foreground: dark ? "c792ea" : "8839ef", fontStyle: "bold" },
    { token: "predefined.function", foreground: dark ? "82aaff" : "1e66f5" },
    { token: "identifier.call", foreground: dark ? "82aaff" : "1e66f5" },
    { token: "variable.predefined", foreground: dark ? "7fdbca" : "0f7a6b" },
    { token: "type.output", foreground: dark ? "ffcb6b" : "a15c00", fontStyle: "bold" },
    { token: "field", foreground: dark ? "addb67" : "40a02b" },
    { token: "operator", foreground: dark ? "89ddff" : "555f6e" },
  ];
  monaco.editor.defineTheme("tb-light", {
    base: "vs",
    inherit: true,
    rules: rules(false),
    colors: { "editor.background": "#ffffff", "editorLineNumber.foreground": "#a0a8b4" },
  });
  monaco.editor.defineTheme("tb-dark", {
    base: "vs-dark",
    inherit: true,
    rules: rules(true),
    colors: { "editor.background": "#171b24", "editorLineNumber.foreground": "#4d5666" },
  });
}

/** Brings the grammar and providers up to date with the catalogue and the UI language. */
export function configureStrategyLanguage(catalogue: Catalogue | undefined, language: "en" | "ko") {
  register();
  const changed = catalogue !== current.catalogue;
  current.catalogue = catalogue;
  current.language = language;
  if (changed && catalogue) monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, monarchLanguage(catalogue));
}

export { monaco };
