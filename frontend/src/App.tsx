/** The status view inside the page's theme, with the options read from the page URL. */
import CssBaseline from "@mui/material/CssBaseline";
import { ThemeProvider } from "@mui/material/styles";
import { SystemStatus } from "./components/SystemStatus";
import { type PageParams, writeIntervalToAddressBar } from "./pageParams";
import { theme } from "./theme";

export function App({ params }: { params: PageParams }) {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <SystemStatus
        token={params.token}
        intervalS={params.intervalS}
        onIntervalChange={(seconds) => writeIntervalToAddressBar(seconds)}
      />
    </ThemeProvider>
  );
}
