/** The SVG polyline points of a sparkline, in a viewBox SPARKLINE_WIDTH wide. */

export const SPARKLINE_WIDTH = 100; // viewBox units; the SVG stretches to the width of its box

/** Values are clamped to 0..max; the first point is at the left edge, the newest at the right. */
export function sparklinePoints(values: readonly number[], max: number, height: number): string {
  if (values.length === 0) return "";
  const top = max > 0 ? max : 1;
  const step = values.length > 1 ? SPARKLINE_WIDTH / (values.length - 1) : 0;
  return values
    .map((value, index) => {
      const x = values.length > 1 ? index * step : SPARKLINE_WIDTH;
      const y = height - (Math.min(Math.max(value, 0), top) / top) * (height - 2) - 1;
      return `${x.toFixed(2)},${y.toFixed(2)}`;
    })
    .join(" ");
}
