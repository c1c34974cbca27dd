/** A labelled LinearProgress with its figures, for CPU, memory and disk usage. */
import Box from "@mui/material/Box";
import LinearProgress from "@mui/material/LinearProgress";
import Typography from "@mui/material/Typography";
import { formatPercent } from "../format/format";

interface UsageBarProps {
  label: string;
  percent: number;
  /** Extra figures after the percentage, e.g. "3.2 GB of 8 GB". */
  detail?: string;
  dense?: boolean;
}

/** Nearly full is worth a second look; full is a problem. */
function barColor(percent: number): "primary" | "warning" | "error" {
  if (percent >= 90) return "error";
  if (percent >= 75) return "warning";
  return "primary";
}

export function UsageBar({ label, percent, detail, dense = false }: UsageBarProps) {
  const clamped = Math.min(100, Math.max(0, percent));
  return (
    <Box sx={{ mb: dense ? 0.75 : 1.5 }}>
      {/* A long label (a disk path) breaks anywhere and pushes the figures to the next line,
          instead of pushing them out of the card, which clips them. */}
      <Box sx={{ display: "flex", flexWrap: "wrap", justifyContent: "space-between", columnGap: 1 }}>
        <Typography variant={dense ? "caption" : "body2"} sx={{ minWidth: 0, overflowWrap: "anywhere" }}>
          {label}
        </Typography>
        <Typography
          variant={dense ? "caption" : "body2"}
          sx={{ ml: "auto", textAlign: "right", fontVariantNumeric: "tabular-nums" }}
        >
          {formatPercent(percent)}
          {detail ? ` · ${detail}` : ""}
        </Typography>
      </Box>
      <LinearProgress
        variant="determinate"
        value={clamped}
        color={barColor(clamped)}
        aria-label={label}
        sx={{ height: dense ? 4 : 8, borderRadius: 1 }}
      />
    </Box>
  );
}
