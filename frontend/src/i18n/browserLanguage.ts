/** Sets the page's language from `?lang=` and the browser, before the first render. */
import { chooseLanguage, setLanguage } from "./messages";

export function initLanguage(urlLang: string | null): void {
  const browser = navigator.languages?.length ? navigator.languages : [navigator.language];
  const { language, locale } = chooseLanguage(urlLang, browser);
  setLanguage(language, locale);
  document.documentElement.lang = language;
}
