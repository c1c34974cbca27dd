/** Small charts of the last minutes: CPU, RAM and the watchdog's health check latency. */
import Box from "@mui/material/Box";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { formatMs, formatPercent } from "../format/format";
import { t } from "../i18n/messages";
import { seriesOf, type Sample } from "../status/history";
import { Sparkline } from "./Sparkline";
import { StatusCard } from "./StatusCard";

interface SeriesProps {
  title: string;
  values: number[];
  format: (value: number) => string;
  max?: number;
}

function Series({ title, values, format, max }: SeriesProps) {
  const latest = values.at(-1);
  const latestText = latest === undefined ? t("history.empty") : format(latest);
  return (
    <Box sx={{ flex: 1, minWidth: 0 }}>
      <Box sx={{ display: "flex", justifyContent: "space-between", gap: 1 }}>
        <Typography variant="body2">{title}</Typography>
        <Typography variant="body2" sx={{ fontVariantNumeric: "tabular-nums" }}>
          {latestText}
        </Typography>
      </Box>
      <Sparkline values={values} max={max} label={`${title}: ${latestText}`} />
    </Box>
  );
}

export function HistoryCard({ history }: { history: readonly Sample[] }) {
  return (
    <StatusCard title={t("history.title")}>
      <Stack direction={{ xs: "column", sm: "row" }} spacing={2}>
        <Series
          title={t("history.cpu")}
          values={seriesOf(history, "cpuPercent")}
          format={formatPercent}
          max={100}
        />
        <Series
          title={t("history.ram")}
          values={seriesOf(history, "ramPercent")}
          format={formatPercent}
          max={100}
        />
        <Series
          title={t("history.latency")}
          values={seriesOf(history, "latencyMs")}
          format={formatMs}
        />
      </Stack>
    </StatusCard>
  );
}
