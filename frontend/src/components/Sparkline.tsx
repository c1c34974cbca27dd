/** A tiny SVG line chart of recent values: enough to see a trend, no chart library needed. */
import Box from "@mui/material/Box";
import { useTheme } from "@mui/material/styles";
import { SPARKLINE_WIDTH as WIDTH, sparklinePoints } from "../status/sparklinePoints";

interface SparklineProps {
  values: readonly number[];
  /** Fixed top of the scale (100 for percentages); the largest value when left out. */
  max?: number;
  /** Accessible description, e.g. "CPU: 12 %". */
  label: string;
  height?: number;
}

export function Sparkline({ values, max, label, height = 40 }: SparklineProps) {
  const theme = useTheme();
  const top = max ?? Math.max(...values, 0) * 1.2;
  const points = sparklinePoints(values, top, height);
  return (
    <Box
      component="svg"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${height}`}
      preserveAspectRatio="none"
      sx={{ width: "100%", height, display: "block" }}
    >
      <line x1="0" y1={height - 0.5} x2={WIDTH} y2={height - 0.5} stroke={theme.palette.divider} />
      {points ? (
        <polyline
          points={points}
          fill="none"
          stroke={theme.palette.primary.main}
          strokeWidth={1.5}
          vectorEffect="non-scaling-stroke"
          strokeLinejoin="round"
        />
      ) : null}
    </Box>
  );
}
