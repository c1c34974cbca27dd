/** Greys out figures that are no longer current, and says since when. */
import Box from "@mui/material/Box";
import Typography from "@mui/material/Typography";
import type { ReactNode } from "react";
import { formatTime } from "../format/format";
import { t } from "../i18n/messages";

interface StaleProps {
  stale: boolean;
  /** Client time (ms) when the figures arrived. */
  since: number | null;
  children: ReactNode;
}

export function Stale({ stale, since, children }: StaleProps) {
  if (!stale) return <>{children}</>;
  return (
    <Box data-stale="true">
      {since !== null ? (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
          {t("outage.staleFigures", { time: formatTime(since) })}
        </Typography>
      ) : null}
      <Box sx={{ opacity: 0.5, filter: "grayscale(1)" }}>{children}</Box>
    </Box>
  );
}
