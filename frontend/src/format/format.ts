/** Numbers, sizes, durations and times for display, through Intl in the page's locale. */
import { getLocale, t } from "../i18n/messages";

function number(value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(getLocale(), { maximumFractionDigits }).format(value);
}

/** 12.5 -> "12.5 %" (or "12,5 %" in German): the figures come as 0-100, not 0-1. */
export function formatPercent(value: number): string {
  return new Intl.NumberFormat(getLocale(), {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(value / 100);
}

export function formatNumber(value: number): string {
  return number(value, 0);
}

/** A plain figure with up to `digits` decimals, e.g. a load average. */
export function formatDecimal(value: number, digits = 2): string {
  return number(value, digits);
}

export function formatMs(value: number): string {
  return t("unit.ms", { value: number(value, value < 10 ? 2 : 0) });
}

const BYTE_UNITS = ["unit.bytes", "unit.kb", "unit.mb", "unit.gb", "unit.tb"] as const;

/** Binary sizes with the labels people know from their file manager: 40960 -> "40 KB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let index = 0;
  while (Math.abs(value) >= 1024 && index < BYTE_UNITS.length - 1) {
    value /= 1024;
    index += 1;
  }
  const unit = BYTE_UNITS[index] ?? "unit.bytes";
  return t(unit, { value: number(value, index === 0 || value >= 100 ? 0 : 1) });
}

function unitPart(value: number, unit: "day" | "hour" | "minute" | "second"): string {
  return new Intl.NumberFormat(getLocale(), {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: 0,
  }).format(value);
}

/** An uptime in its two largest units: "2 days 3 hr", "5 min 12 sec". */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const parts: [number, "day" | "hour" | "minute" | "second"][] = [
    [Math.floor(seconds / 86400), "day"],
    [Math.floor((seconds % 86400) / 3600), "hour"],
    [Math.floor((seconds % 3600) / 60), "minute"],
    [seconds % 60, "second"],
  ];
  const first = parts.findIndex(([value]) => value > 0);
  if (first === -1) return unitPart(0, "second");
  return parts
    .slice(first, first + 2)
    .filter(([value]) => value > 0)
    .map(([value, unit]) => unitPart(value, unit))
    .join(" ");
}

/** Whole seconds for countdowns; never negative, at least 1 while something is still due. */
export function secondsUntil(target: string, now: string): number {
  const ms = Date.parse(target) - Date.parse(now);
  return Number.isFinite(ms) ? Math.max(0, Math.ceil(ms / 1000)) : 0;
}

function toDate(value: string | number | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/** Time of day, "14:02:05" (or the locale's form). */
export function formatTime(value: string | number | Date): string {
  return new Intl.DateTimeFormat(getLocale(), { timeStyle: "medium" }).format(toDate(value));
}

/** Time of day without seconds, "14:02". */
export function formatShortTime(value: string | number | Date): string {
  return new Intl.DateTimeFormat(getLocale(), { timeStyle: "short" }).format(toDate(value));
}

/** Date and time with the year in full, for things that may be days old: "29.11.2026 21:38". */
export function formatDateTime(value: string | number | Date): string {
  const date = toDate(value);
  const day = new Intl.DateTimeFormat(getLocale(), {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(date);
  return `${day} ${formatShortTime(date)}`;
}

/** A short span such as a recovery time: "0.1 s" under a minute, "2 min 5 sec" above. */
export function formatSeconds(seconds: number): string {
  return seconds < 60 ? t("unit.s", { value: number(seconds, 1) }) : formatDuration(seconds);
}

/** How long ago, in words of the page's language: "3 hours ago", "vor 3 Stunden", "yesterday". */
export function formatAgo(seconds: number): string {
  const relative = new Intl.RelativeTimeFormat(getLocale(), { numeric: "auto" });
  const minutes = Math.max(0, Math.floor(seconds / 60));
  if (minutes < 60) return relative.format(-minutes, "minute");
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return relative.format(-hours, "hour");
  return relative.format(-Math.floor(hours / 24), "day");
}
