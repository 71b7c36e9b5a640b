import type { Language } from "@/lib/i18n";

/**
 * Monaco's own UI strings (the find widget, the context menu, "Go to definition"...) in Korean, from
 * the translation monaco-editor ships in its package (bundled with the app, never from a CDN).
 * Monaco reads them when its modules load, so this runs before the editor is imported, in the
 * language the page has then; switching the language later changes them on the next page load.
 */
export async function loadMonacoMessages(language: Language): Promise<void> {
  if (language === "ko") await import("monaco-editor/nls/lang/ko");
}
