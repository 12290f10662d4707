import type { HighlighterCore } from "shiki/core";

// Syntax highlighting is loaded only when a message shows a code block: the engine, two themes and
// the one grammar the block names, each its own chunk. The JavaScript regex engine avoids a wasm download.
let highlighter: Promise<HighlighterCore> | undefined;

function loadHighlighter(): Promise<HighlighterCore> {
  highlighter ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import("shiki/core"),
      import("shiki/engine/javascript"),
    ]);
    return createHighlighterCore({
      themes: [import("shiki/themes/github-light.mjs"), import("shiki/themes/github-dark.mjs")],
      langs: [],
      engine: createJavaScriptRegexEngine(),
    });
  })();
  return highlighter;
}

// HTML built by shiki, which escapes the code it is given; null when the language is unknown.
export async function highlightCode(code: string, language: string): Promise<string | null> {
  const { bundledLanguages } = await import("shiki/langs");
  const lang = language.toLowerCase();
  if (!Object.hasOwn(bundledLanguages, lang)) return null;
  const shiki = await loadHighlighter();
  if (!shiki.getLoadedLanguages().includes(lang)) {
    await shiki.loadLanguage(bundledLanguages[lang as keyof typeof bundledLanguages]());
  }
  return shiki.codeToHtml(code, { lang, themes: { light: "github-light", dark: "github-dark" }, defaultColor: false });
}
