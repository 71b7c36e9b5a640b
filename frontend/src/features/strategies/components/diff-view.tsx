"use client";

import { DiffEditor } from "@monaco-editor/react";
import { useEffect, useRef } from "react";
import { Spinner } from "@/components/ui/spinner";
import { useResolvedTheme } from "@/hooks/use-resolved-theme";
import { useLanguage } from "@/lib/i18n";
import { configureStrategyLanguage, type monaco } from "../lib/monaco-setup";
import { LANGUAGE_ID, type Catalogue } from "../lib/strategy-language";

export interface DiffViewProps {
  original: string;
  modified: string;
  catalogue: Catalogue | undefined;
  ariaLabel: string;
  loadingLabel: string;
}

/** Narrower than this, the diff is one unified column (and wraps), so a phone never scrolls sideways. */
export const SIDE_BY_SIDE_MIN_WIDTH = 700;

/**
 * Monaco's diff editor (the bundled package, as the code editor loads it), read-only: side by side
 * where there is room, one unified column with wrapped lines where there is not.
 */
export default function DiffView({ original, modified, catalogue, ariaLabel, loadingLabel }: DiffViewProps) {
  const theme = useResolvedTheme();
  const language = useLanguage();
  configureStrategyLanguage(catalogue, language);
  const editorRef = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);
  // The wrapper would dispose the models before the editor lets go of them (Monaco throws "TextModel got
  // disposed before DiffEditorWidget model got reset"): it keeps them, and they go here, in that order.
  useEffect(
    () => () => {
      const editor = editorRef.current;
      const models = editor?.getModel();
      editor?.setModel(null);
      models?.original.dispose();
      models?.modified.dispose();
    },
    [],
  );
  return (
    <DiffEditor
      keepCurrentOriginalModel
      keepCurrentModifiedModel
      onMount={(editor) => {
        editorRef.current = editor;
      }}
      original={original}
      modified={modified}
      language={LANGUAGE_ID}
      theme={theme === "dark" ? "tb-dark" : "tb-light"}
      loading={
        <div className="flex h-full items-center justify-center">
          <Spinner className="size-5 text-muted-foreground" label={loadingLabel} />
        </div>
      }
      options={{
        readOnly: true,
        originalEditable: false,
        ariaLabel,
        fontSize: 13,
        fontFamily: 'ui-monospace, "SFMono-Regular", "JetBrains Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace',
        lineNumbersMinChars: 3,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        automaticLayout: true,
        renderSideBySide: true,
        useInlineViewWhenSpaceIsLimited: true,
        renderSideBySideInlineBreakpoint: SIDE_BY_SIDE_MIN_WIDTH,
        wordWrap: "on",
        diffWordWrap: "on",
        renderOverviewRuler: false,
        hideUnchangedRegions: { enabled: false },
        scrollbar: { alwaysConsumeMouseWheel: false, verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
      }}
    />
  );
}
