/** The latest restarts and failures with their reasons, newest first. */
import List from "@mui/material/List";
import ListItem from "@mui/material/ListItem";
import ListItemText from "@mui/material/ListItemText";
import Typography from "@mui/material/Typography";
import type { WatchdogEvent } from "../api/types";
import { formatDateTime, formatDecimal } from "../format/format";
import { engineText } from "../i18n/engineText";
import { t } from "../i18n/messages";
import { isActionRestart, recentRestarts } from "../status/restarts";

/** "Restart: ..." for a restart by an optional action; its reason follows in the second line. */
function primaryText(item: WatchdogEvent): string {
  const what = isActionRestart(item) ? t("events.actionRestart") : t(`event.${item.event}`);
  return `${what}: ${engineText(item.message, item.detail)}`;
}

function secondaryText(item: WatchdogEvent): string {
  const parts = [formatDateTime(item.time), t(`reason.${item.reason}`)];
  if (item.outage_s !== null) {
    parts.push(t("events.outage", { seconds: formatDecimal(item.outage_s, 1) }));
  }
  return parts.join(" · ");
}

export function RecentRestarts({ events }: { events: readonly WatchdogEvent[] }) {
  const items = recentRestarts(events);
  return (
    <>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        {t("events.title")}
      </Typography>
      {items.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t("events.none")}
        </Typography>
      ) : (
        <List dense disablePadding aria-label={t("events.title")}>
          {items.map((item) => (
            <ListItem key={`${item.time}-${item.event}`} disableGutters divider>
              <ListItemText
                primary={primaryText(item)}
                secondary={secondaryText(item)}
                slotProps={{ primary: { sx: { overflowWrap: "anywhere" } } }}
              />
            </ListItem>
          ))}
        </List>
      )}
    </>
  );
}
