/** The figures of an incident report (`figures_before`) as labelled, formatted rows. */
import { formatBytes, formatDecimal, formatMs, formatPercent, formatSeconds } from "../format/format";
import { isMessageKey, t } from "../i18n/messages";
import { formatMeasure } from "./warnings";

export interface FigureRow {
  label: string;
  value: string;
}

type Format = (value: number) => string;

/** How each figure of the engine's Reading is shown; by its name's unit otherwise. */
const FORMATS: Record<string, Format> = {
  rss_growth_mb_per_hour: (value) => formatMeasure(value, "MB/h"),
  latency_rise_factor: (value) => formatMeasure(value, "x"),
  errors_per_minute: (value) => formatMeasure(value, "/min"),
  backup_age_s: formatSeconds,
};

function formatOf(name: string): Format {
  const known = FORMATS[name];
  if (known) return known;
  if (name.endsWith("_bytes")) return formatBytes;
  if (name.endsWith("_percent")) return formatPercent;
  if (name.endsWith("_ms")) return formatMs;
  return (value) => formatDecimal(value, 1);
}

/** One row per figure, in the report's order; a figure not measured shows as a dash. */
export function figureRows(figures: Record<string, number | string | null>): FigureRow[] {
  return Object.entries(figures).map(([name, value]) => {
    const key = `figure.${name}`;
    const label = isMessageKey(key) ? t(key) : name;
    if (value === null) return { label, value: t("watchdog.none") };
    return { label, value: typeof value === "number" ? formatOf(name)(value) : value };
  });
}
