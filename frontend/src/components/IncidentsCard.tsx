/** The recent outages, newest first; one opens its full report. */
import List from "@mui/material/List";
import ListItemButton from "@mui/material/ListItemButton";
import ListItemText from "@mui/material/ListItemText";
import Typography from "@mui/material/Typography";
import { useState } from "react";
import type { IncidentSummary } from "../api/types";
import { formatDateTime } from "../format/format";
import { engineText } from "../i18n/engineText";
import { t } from "../i18n/messages";
import { incidentOutcome } from "../status/incidents";
import { IncidentDialog } from "./IncidentDialog";
import { StatusCard } from "./StatusCard";

function IncidentItem({ item, onOpen }: { item: IncidentSummary; onOpen: () => void }) {
  return (
    <ListItemButton divider onClick={onOpen} data-incident={item.id} sx={{ px: 1 }}>
      <ListItemText
        primary={`${formatDateTime(item.started_at)} · ${t(`reason.${item.reason}`)}`}
        secondary={
          <>
            <Typography
              component="span"
              variant="body2"
              sx={{ display: "block", color: item.recovered ? "success.dark" : "error.main" }}
            >
              {incidentOutcome(item)}
            </Typography>
            <Typography component="span" variant="body2" sx={{ display: "block" }}>
              {engineText(item.message, item.detail)}
            </Typography>
          </>
        }
        slotProps={{ secondary: { component: "span", sx: { overflowWrap: "anywhere" } } }}
      />
    </ListItemButton>
  );
}

export function IncidentsCard({ incidents }: { incidents: readonly IncidentSummary[] }) {
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <StatusCard title={t("incidents.title")}>
      {incidents.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t("incidents.none")}
        </Typography>
      ) : (
        <List dense disablePadding aria-label={t("incidents.title")}>
          {incidents.map((item) => (
            <IncidentItem key={item.id} item={item} onOpen={() => setOpenId(item.id)} />
          ))}
        </List>
      )}
      <IncidentDialog id={openId} onClose={() => setOpenId(null)} />
    </StatusCard>
  );
}
