import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { initLanguage } from "./i18n/browserLanguage";
import { readPageParams, removeTokenFromAddressBar } from "./pageParams";

// Read the URL once, before anything renders: the token is then removed from the address bar.
const params = readPageParams(window.location.search);
removeTokenFromAddressBar();
initLanguage(params.lang);

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App params={params} />
    </StrictMode>,
  );
}
