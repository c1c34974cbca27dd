/** One incident report: what happened, its timeline, the figures before, the backend's last output. */
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import CircularProgress from "@mui/material/CircularProgress";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import List from "@mui/material/List";
import ListItem from "@mui/material/ListItem";
import ListItemText from "@mui/material/ListItemText";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import useMediaQuery from "@mui/material/useMediaQuery";
import { useTheme } from "@mui/material/styles";
import type { ReactNode } from "react";
import type { IncidentReport } from "../api/types";
import { formatDateTime, formatTime } from "../format/format";
import { useIncidentReport } from "../hooks/useIncidentReport";
import { engineText } from "../i18n/engineText";
import { t } from "../i18n/messages";
import { figureRows } from "../status/figures";
import { incidentOutcome } from "../status/incidents";
import { FactList } from "./FactList";

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function Timeline({ report }: { report: IncidentReport }) {
  return (
    <List dense disablePadding>
      {report.timeline.map((item) => (
        <ListItem key={`${item.time}-${item.event}`} disableGutters divider>
          <ListItemText
            primary={`${formatTime(item.time)} · ${t(`event.${item.event}`)}`}
            secondary={engineText(item.message, item.detail)}
            slotProps={{ secondary: { sx: { overflowWrap: "anywhere" } } }}
          />
        </ListItem>
      ))}
    </List>
  );
}

function OutputTail({ lines, testId = "incident-output" }: { lines: readonly string[]; testId?: string }) {
  if (lines.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t("incident.noOutput")}
      </Typography>
    );
  }
  return (
    <Box
      component="pre"
      data-testid={testId}
      tabIndex={0}
      sx={{
        m: 0,
        p: 1,
        maxHeight: "16rem",
        overflow: "auto",
        bgcolor: "grey.100",
        border: 1,
        borderColor: "divider",
        borderRadius: 1,
        fontFamily: "monospace",
        fontSize: "0.75rem",
        lineHeight: 1.5,
      }}
    >
      {lines.join("\n")}
    </Box>
  );
}

type StackDumpSection = NonNullable<IncidentReport["stack_dump"]>;

function StackDump({ dump }: { dump: StackDumpSection }) {
  const taken =
    dump.dumped_after_ms !== null ? t("incident.stackDumpTaken", { ms: Math.round(dump.dumped_after_ms) }) : null;
  if (dump.text) {
    return (
      <>
        {taken ? <Typography variant="body2">{taken}</Typography> : null}
        <OutputTail lines={dump.text.split("\n")} testId="incident-stack-dump" />
      </>
    );
  }
  const why = dump.problem
    ? t(`incident.noStackDump.${dump.problem}`, { detail: dump.detail })
    : t("incident.stackDumpOwn");
  return (
    <Typography variant="body2" data-testid="incident-stack-dump">
      {why}
    </Typography>
  );
}

function ReportBody({ report }: { report: IncidentReport }) {
  const figures = figureRows(report.figures_before);
  return (
    <Stack spacing={2}>
      <FactList
        facts={[
          { label: t("incident.what"), value: engineText(report.message, report.detail) },
          { label: t("incident.reason"), value: t(`reason.${report.reason}`) },
          { label: t("incident.started"), value: formatDateTime(report.started_at) },
          {
            label: t("incident.ended"),
            value: report.ended_at ? formatDateTime(report.ended_at) : t("watchdog.none"),
          },
          { label: t("incident.outcome"), value: incidentOutcome(report) },
        ]}
      />
      <Part title={t("incident.timeline")}>
        <Timeline report={report} />
      </Part>
      <Part title={t("incident.figures")}>
        {figures.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t("incident.noFigures")}
          </Typography>
        ) : (
          <FactList facts={figures} />
        )}
      </Part>
      {report.stack_dump ? (
        <Part title={t("incident.stackDump")}>
          <StackDump dump={report.stack_dump} />
        </Part>
      ) : null}
      <Part title={t("incident.output", { count: report.backend_output_tail.length })}>
        <OutputTail lines={report.backend_output_tail} />
      </Part>
    </Stack>
  );
}

interface IncidentDialogProps {
  /** The incident to show; null keeps the dialog closed. */
  id: string | null;
  onClose: () => void;
}

export function IncidentDialog({ id, onClose }: IncidentDialogProps) {
  const loaded = useIncidentReport(id);
  const fullScreen = useMediaQuery(useTheme().breakpoints.down("sm"));
  const report = loaded.phase === "loaded" ? loaded.report : null;
  return (
    <Dialog open={id !== null} onClose={onClose} fullScreen={fullScreen} maxWidth="md" fullWidth>
      <DialogTitle>
        {report ? t("incident.title", { time: formatDateTime(report.started_at) }) : id}
      </DialogTitle>
      <DialogContent dividers>
        {loaded.phase === "loading" ? (
          <Stack direction="row" spacing={2} sx={{ alignItems: "center" }} role="status">
            <CircularProgress size={24} />
            <Typography>{t("incident.loading")}</Typography>
          </Stack>
        ) : null}
        {loaded.phase === "failed" ? (
          <Alert severity="error">{t("incident.failed", { detail: loaded.detail })}</Alert>
        ) : null}
        {report ? <ReportBody report={report} /> : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t("incident.close")}</Button>
      </DialogActions>
    </Dialog>
  );
}
