// A thread's title comes from its first message: the first line with text, without Markdown markers,
// cut at a word boundary. No model call, so a title costs nothing and cannot fail.
const MAX_TITLE = 60;

export function titleFromText(text: string): string {
  const line =
    text
      .split("\n")
      .map((l) => l.replace(/^\s*(#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)/, "").replace(/[`*_~]/g, "").replace(/\s+/g, " ").trim())
      .find(Boolean) ?? "";
  if (!line) return "New chat";
  if (line.length <= MAX_TITLE) return line;
  const cut = line.slice(0, MAX_TITLE);
  const space = cut.lastIndexOf(" ");
  return `${(space > MAX_TITLE / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
