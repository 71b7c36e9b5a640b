"use client";

import Editor from "@monaco-editor/react";
import { useEffect, useImperativeHandle, useRef, type Ref } from "react";
import { Spinner } from "@/components/ui/spinner";
import { useResolvedTheme } from "@/hooks/use-resolved-theme";
import { useLanguage } from "@/lib/i18n";
import type { SchemaStrategyCodeError } from "@/lib/api/schema";
import { configureStrategyLanguage, monaco } from "../lib/monaco-setup";
import { LANGUAGE_ID, toMarkers, type Catalogue } from "../lib/strategy-language";

export interface CodeEditorHandle {
  /** Moves the cursor to a place in the code and gives the editor focus. */
  reveal(line: number, column: number): void;
}

export interface CodeEditorProps {
  value: string;
  onChange: (value: string) => void;
  errors: SchemaStrategyCodeError[] | undefined;
  catalogue: Catalogue | undefined;
  readOnly?: boolean;
  ariaLabel: string;
  loadingLabel: string;
  ref?: Ref<CodeEditorHandle>;
}

/** Monaco with the strategy language: highlighting, completion, hover docs and compile-error markers. */
export default function CodeEditor({ value, onChange, errors, catalogue, readOnly, ariaLabel, loadingLabel, ref }: CodeEditorProps) {
  const language = useLanguage();
  const theme = useResolvedTheme();
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);

  configureStrategyLanguage(catalogue, language);

  useImperativeHandle(ref, () => ({
    reveal(line, column) {
      const editor = editorRef.current;
      if (!editor) return;
      editor.setPosition({ lineNumber: line, column });
      editor.revealLineInCenter(line);
      editor.focus();
    },
  }));

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const markers = toMarkers(errors, model.getLineCount()).map((marker) => ({
      ...marker,
      severity: monaco.MarkerSeverity.Error,
      source: "strategy",
    }));
    monaco.editor.setModelMarkers(model, LANGUAGE_ID, markers);
  }, [errors]);

  return (
    <Editor
      value={value}
      language={LANGUAGE_ID}
      theme={theme === "dark" ? "tb-dark" : "tb-light"}
      onChange={(next) => onChange(next ?? "")}
      onMount={(editor) => {
        editorRef.current = editor;
        const model = editor.getModel();
        if (model) {
          const markers = toMarkers(errors, model.getLineCount()).map((marker) => ({
            ...marker,
            severity: monaco.MarkerSeverity.Error,
          }));
          monaco.editor.setModelMarkers(model, LANGUAGE_ID, markers);
        }
      }}
      loading={
        <div className="flex h-full items-center justify-center">
          <Spinner className="size-5 text-muted-foreground" label={loadingLabel} />
        </div>
      }
      options={{
        readOnly,
        ariaLabel,
        fontSize: 13.5,
        fontFamily: 'ui-monospace, "SFMono-Regular", "JetBrains Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace',
        lineNumbersMinChars: 3,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        wordWrap: "on",
        wrappingIndent: "indent",
        automaticLayout: true,
        tabSize: 2,
        insertSpaces: true,
        renderLineHighlight: "line",
        fixedOverflowWidgets: true,
        padding: { top: 10, bottom: 10 },
        quickSuggestions: { other: true, comments: false, strings: false },
        suggestOnTriggerCharacters: true,
        wordBasedSuggestions: "off",
        accessibilitySupport: "auto",
        scrollbar: { alwaysConsumeMouseWheel: false, verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
      }}
    />
  );
}
