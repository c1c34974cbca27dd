/** The page's MUI theme: the default palette, a calm background, compact cards. */
import { createTheme } from "@mui/material/styles";

export const theme = createTheme({
  palette: {
    background: { default: "#f5f7fa" },
  },
  shape: { borderRadius: 8 },
});
