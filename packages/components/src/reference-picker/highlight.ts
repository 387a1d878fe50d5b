import { html, type TemplateResult } from 'lit';

/**
 * `text` with every occurrence of the query's words wrapped in `<mark part="match">`, as template
 * parts rather than HTML strings, so a record named `<script>` shows as text. Matching ignores case
 * like the store's quick search does.
 */
export function highlight(text: string, query: string): TemplateResult | string {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length || !text) return text;
  const lower = text.toLowerCase();
  // Marks per character, so overlapping words (阿克 and 克米) join into one run.
  const marked = new Array<boolean>(text.length).fill(false);
  for (const word of words) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      // toLowerCase keeps the length of nearly all text; where it does not, skip marking rather than misplace it.
      if (lower.length !== text.length) return text;
      marked.fill(true, at, at + word.length);
    }
  }
  const runs: { text: string; match: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.match === marked[i]) last.text += text[i];
    else runs.push({ text: text[i], match: marked[i] });
  }
  return html`${runs.map((run) => (run.match ? html`<mark part="match">${run.text}</mark>` : run.text))}`;
}
