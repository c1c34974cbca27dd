/**
 * The engine's words (event details, the snapshot's detail, warnings, incidents) in the page's
 * language. The guardian renders them from its one catalogue (tray_app/i18n) and sends both
 * languages; the page only picks. Old data without them falls back to the English detail.
 */
import { getLanguage } from "./messages";

/** What the API sends for a message: the same text in each language. */
export interface EngineWords {
  en: string;
  de: string;
}

/** `words` in the page's language, else `english` (a technical text or an old report). */
export function engineText(words: EngineWords | null | undefined, english: string): string {
  return words ? words[getLanguage()] : english;
}
