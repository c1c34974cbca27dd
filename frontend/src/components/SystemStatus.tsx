/**
 * The status page: the watchdog's state and the backend's figures, polled from the supervisor's
 * web server. While the backend is down it explains what the watchdog is doing; while the
 * watchdog itself does not answer it keeps the last figures, greyed.
 */
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import CircularProgress from "@mui/material/CircularProgress";
import Container from "@mui/material/Container";
import Grid from "@mui/material/Grid";
import Snackbar from "@mui/material/Snackbar";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useState } from "react";
import { formatTime } from "../format/format";
import { useActions } from "../hooks/useActions";
import { useBackups } from "../hooks/useBackups";
import { useGuardianStatus } from "../hooks/useGuardianStatus";
import { t } from "../i18n/messages";
import { BackendFigures } from "./BackendFigures";
import { BackupAge } from "./BackupAge";
import { isDegraded } from "../status/degraded";
import { DegradedNotice } from "./DegradedNotice";
import { GuidancePanel } from "./GuidancePanel";
import { IncidentsCard } from "./IncidentsCard";
import { OutagePanel } from "./OutagePanel";
import { RefreshBar } from "./RefreshBar";
import { Stale } from "./Stale";
import { WatchdogCard } from "./WatchdogCard";
import { WarningSnackbar } from "./WarningSnackbar";
import { WarningsPanel } from "./WarningsPanel";
import { WatchdogControls } from "./WatchdogControls";

export interface SystemStatusProps {
  /** The per-run token from the page URL; without it the watchdog controls are hidden. */
  token: string | null;
  intervalS: number;
  /** Called when the user picks another interval (e.g. to keep it in the URL). */
  onIntervalChange?: (seconds: number) => void;
}

export function SystemStatus({ token, intervalS: initialIntervalS, onIntervalChange }: SystemStatusProps) {
  const [intervalS, setIntervalS] = useState(initialIntervalS);
  const { status, refresh, hidden } = useGuardianStatus(intervalS * 1000);
  const actions = useActions(token, refresh);
  const backups = useBackups();
  const { snapshot, events, backend, backendError, watchdogError } = status;

  const changeInterval = (seconds: number) => {
    setIntervalS(seconds);
    onIntervalChange?.(seconds);
  };

  return (
    <Container maxWidth="lg" sx={{ py: { xs: 2, sm: 3 }, px: { xs: 1.5, sm: 3 } }}>
      <Stack
        direction={{ xs: "column", md: "row" }}
        spacing={2}
        sx={{ justifyContent: "space-between", alignItems: { md: "center" }, mb: 2 }}
      >
        <Box>
          <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
            {t("app.title")}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t("app.subtitle")}
          </Typography>
        </Box>
        <RefreshBar
          intervalS={intervalS}
          onIntervalChange={changeInterval}
          onRefresh={refresh}
          lastUpdate={status.lastUpdate}
          hidden={hidden}
        />
      </Stack>

      <Stack spacing={2} sx={{ mb: 2 }}>
        {!status.loaded ? (
          <Stack direction="row" spacing={2} sx={{ alignItems: "center" }} role="status">
            <CircularProgress size={24} />
            <Typography>{t("app.loading")}</Typography>
          </Stack>
        ) : null}
        {watchdogError ? (
          <Alert severity="error" role="alert">
            {snapshot && status.lastUpdate !== null
              ? t("error.watchdog", {
                  detail: watchdogError.detail,
                  time: formatTime(status.lastUpdate),
                })
              : t("error.watchdogNoData", { detail: watchdogError.detail })}
          </Alert>
        ) : null}
        {snapshot && backendError && !watchdogError ? (
          <OutagePanel snapshot={snapshot} events={events} statusDetail={backendError.detail} />
        ) : null}
        {!backendError && isDegraded(snapshot, backend) ? (
          <DegradedNotice snapshot={snapshot} backend={backend} />
        ) : null}
        {snapshot && snapshot.warnings.length > 0 ? (
          <Stale stale={watchdogError !== null} since={status.lastUpdate}>
            <WarningsPanel warnings={snapshot.warnings} />
          </Stale>
        ) : null}
      </Stack>

      <Grid container spacing={2}>
        {snapshot ? (
          <Grid size={backend ? { xs: 12, lg: 4 } : { xs: 12, md: 8, lg: 6 }}>
            <Stack spacing={2}>
              {snapshot.guidance ? (
                <GuidancePanel
                  guidance={snapshot.guidance}
                  canControl={token !== null}
                  busy={actions.busy}
                  onTryAgain={() => actions.runWatchdogAction("start")}
                />
              ) : null}
              <Stale stale={watchdogError !== null} since={status.lastUpdate}>
                <WatchdogCard
                  snapshot={snapshot}
                  events={events}
                  controls={
                    <WatchdogControls
                      allowed={snapshot.allowed_commands}
                      canControl={token !== null}
                      busy={actions.busy}
                      backendDown={backendError !== null}
                      onAction={actions.runWatchdogAction}
                      onResetCache={actions.resetCache}
                    />
                  }
                />
              </Stale>
              <BackupAge backups={backups} />
              <IncidentsCard incidents={status.incidents} />
            </Stack>
          </Grid>
        ) : null}
        {backend ? (
          <Grid size={{ xs: 12, lg: 8 }}>
            <BackendFigures
              backend={backend}
              history={status.history}
              stale={backendError !== null}
              since={status.backendAt}
            />
          </Grid>
        ) : null}
      </Grid>

      <WarningSnackbar announcement={status.announcement} />
      <Snackbar
        open={actions.feedback !== null}
        autoHideDuration={6000}
        onClose={actions.clearFeedback}
        anchorOrigin={{ vertical: "bottom", horizontal: "center" }}
      >
        {actions.feedback ? (
          <Alert severity={actions.feedback.severity} onClose={actions.clearFeedback} variant="filled">
            {actions.feedback.text}
          </Alert>
        ) : undefined}
      </Snackbar>
    </Container>
  );
}
