import { describe, expect, it } from "vitest";
import { catalogues, chooseLanguage, getLocale, setLanguage, t } from "./messages";

describe("message catalogue", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(t("outage.restarting", { attempt: 2, max: 5 })).toBe("Restarting, attempt 2 of 5");
    expect(t("outage.restarting", { attempt: 2 })).toBe("Restarting, attempt 2 of {max}");
  });

  it("translates to German", () => {
    setLanguage("de");
    expect(t("refresh.button")).toBe("Aktualisieren");
    expect(t("outage.waiting", { seconds: 4 })).toBe("Warte 4 s bis zum nächsten Start");
  });

  it("has the same placeholders in every language", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(catalogues.en)) {
      expect(placeholders(catalogues.de[key as keyof typeof catalogues.en]), key).toEqual(
        placeholders(text),
      );
    }
  });

  it("has no empty text", () => {
    for (const catalogue of Object.values(catalogues)) {
      for (const [key, text] of Object.entries(catalogue)) expect(text.trim(), key).not.toBe("");
    }
  });
});

describe("chooseLanguage", () => {
  it("follows ?lang= over the browser", () => {
    expect(chooseLanguage("de", ["en-GB", "en"])).toEqual({ language: "de", locale: "de" });
  });

  it("takes the first browser language it has, with the browser's region", () => {
    expect(chooseLanguage(null, ["fr-FR", "de-AT", "en"])).toEqual({
      language: "de",
      locale: "de-AT",
    });
  });

  it("falls back to English for unknown languages", () => {
    expect(chooseLanguage("xx", ["fr-FR"])).toEqual({ language: "en", locale: "en" });
  });

  it("keeps the locale for Intl", () => {
    setLanguage("en", "en-GB");
    expect(getLocale()).toBe("en-GB");
  });
});
