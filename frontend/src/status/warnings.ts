/** Early warnings for display: titles and figures in the page's language, and which are new. */
import type { ActiveWarning } from "../api/types";
import { formatDecimal } from "../format/format";
import { engineText } from "../i18n/engineText";
import { isMessageKey, type MessageKey, t } from "../i18n/messages";

/** The engine's units (tray_app/watchdog/early_warning.py) and their texts. */
const MEASURES: Record<string, MessageKey> = {
  GB: "measure.gb",
  MB: "measure.mb",
  "MB/h": "measure.mbPerHour",
  ms: "measure.ms",
  x: "measure.factor",
  "%": "measure.percent",
  restarts: "measure.restarts",
  "/min": "measure.perMinute",
};

/** The rule's title from the catalogue; the engine's own title for a rule the page does not know. */
export function warningTitle(warning: ActiveWarning): string {
  const key = `rule.${warning.rule}`;
  return isMessageKey(key) ? t(key) : engineText(warning.title_message, warning.title);
}

/** What the value means, in the page's language. */
export function warningHint(warning: ActiveWarning): string {
  return engineText(warning.hint_message, warning.hint);
}

/** A figure with its unit: (3.14, "GB") -> "3.1 GB", (4.2, "x") -> "4.2×". */
export function formatMeasure(value: number, unit: string): string {
  const text = formatDecimal(value, 1);
  const key = MEASURES[unit];
  return key ? t(key, { value: text }) : t("measure.other", { value: text, unit });
}

/** A rule that clears and fires again later is a new warning: its `since` differs. */
function warningKey(warning: ActiveWarning): string {
  return `${warning.rule}@${warning.since}`;
}

/**
 * The warnings in `next` that were not in `previous`. Nothing is new on the first snapshot
 * (`previous` null): the page shows all active warnings anyway; announcing is for changes.
 */
export function newWarnings(
  previous: readonly ActiveWarning[] | null,
  next: readonly ActiveWarning[],
): ActiveWarning[] {
  if (previous === null) return [];
  const seen = new Set(previous.map(warningKey));
  return next.filter((warning) => !seen.has(warningKey(warning)));
}
