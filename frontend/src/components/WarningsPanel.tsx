/** The early warnings in force: what, the engine's plain-language hint, value vs threshold, since when. */
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import type { ActiveWarning } from "../api/types";
import { formatDateTime } from "../format/format";
import { t } from "../i18n/messages";
import { formatMeasure, warningHint, warningTitle } from "../status/warnings";

/** The anchor the warning mark next to the state chip links to. */
export const WARNINGS_ANCHOR = "active-warnings";

function figures(warning: ActiveWarning): string {
  return t("warnings.figures", {
    value: formatMeasure(warning.value, warning.unit),
    threshold: formatMeasure(warning.threshold, warning.unit),
    since: formatDateTime(warning.since),
  });
}

export function WarningsPanel({ warnings }: { warnings: readonly ActiveWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <Stack
      component="section"
      id={WARNINGS_ANCHOR}
      aria-label={t("warnings.title")}
      spacing={1}
      sx={{ scrollMarginTop: 16 }}
    >
      {warnings.map((warning) => (
        <Alert
          key={`${warning.rule}@${warning.since}`}
          severity="warning"
          data-rule={warning.rule}
          sx={{ py: 0.25, "& .MuiAlert-message": { minWidth: 0 } }}
        >
          <AlertTitle sx={{ mb: 0.25 }}>{warningTitle(warning)}</AlertTitle>
          <Typography variant="body2" sx={{ overflowWrap: "anywhere" }}>
            {warningHint(warning)}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="p">
            {figures(warning)}
          </Typography>
        </Alert>
      ))}
    </Stack>
  );
}
