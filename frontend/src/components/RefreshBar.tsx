/** The polling controls: interval, manual refresh, and when the figures were last updated. */
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import RefreshIcon from "@mui/icons-material/Refresh";
import { formatTime } from "../format/format";
import { t } from "../i18n/messages";
import { INTERVAL_CHOICES_S } from "../pageParams";

interface RefreshBarProps {
  intervalS: number;
  onIntervalChange: (seconds: number) => void;
  onRefresh: () => void;
  lastUpdate: number | null;
  hidden: boolean;
}

export function RefreshBar(props: RefreshBarProps) {
  const { intervalS, onIntervalChange, onRefresh, lastUpdate, hidden } = props;
  // A value from ?interval= that is not in the list still shows as selected.
  const choices = [...new Set<number>([...INTERVAL_CHOICES_S, intervalS])].sort((a, b) => a - b);
  return (
    <Stack
      direction="row"
      useFlexGap
      sx={{ flexWrap: "wrap", alignItems: "center", gap: 1.5 }}
    >
      {/* A native select: the phone's own picker, and no menu code in the bundle. */}
      <TextField
        select
        size="small"
        label={t("refresh.interval")}
        value={intervalS}
        onChange={(event) => onIntervalChange(Number(event.target.value))}
        slotProps={{ select: { native: true } }}
        sx={{ minWidth: 140 }}
      >
        {choices.map((seconds) => (
          <option key={seconds} value={seconds}>
            {t("refresh.intervalOption", { seconds })}
          </option>
        ))}
      </TextField>
      <Button variant="outlined" startIcon={<RefreshIcon />} onClick={onRefresh}>
        {t("refresh.button")}
      </Button>
      <Typography variant="body2" color="text.secondary" aria-live="polite">
        {hidden
          ? t("refresh.hidden")
          : lastUpdate === null
            ? t("refresh.never")
            : t("refresh.lastUpdate", { time: formatTime(lastUpdate) })}
      </Typography>
    </Stack>
  );
}
