/**
 * A small warning sign with the number of active warnings, placed beside the state chip so
 * the chip keeps its own colour; it links to the list of warnings.
 */
import Chip from "@mui/material/Chip";
import WarningAmberIcon from "@mui/icons-material/WarningAmber";
import { t } from "../i18n/messages";
import { WARNINGS_ANCHOR } from "./WarningsPanel";

export function WarningMark({ count }: { count: number }) {
  if (count === 0) return null;
  const label = count === 1 ? t("warnings.markOne") : t("warnings.markMany", { count });
  return (
    <Chip
      component="a"
      href={`#${WARNINGS_ANCHOR}`}
      clickable
      size="small"
      color="warning"
      variant="outlined"
      icon={<WarningAmberIcon />}
      label={count}
      aria-label={label}
      title={label}
      data-testid="warning-mark"
      sx={{ fontWeight: 600 }}
    />
  );
}
