import { createContext, useContext } from "react";
import { en } from "./en";
import { sv, type Strings } from "./sv";

export type Language = "sv" | "en";
export type { Strings };

/** English when Office (or the page) says English; Swedish otherwise. */
export function languageOf(displayLanguage: string | null | undefined): Language {
  return displayLanguage && displayLanguage.toLowerCase().startsWith("en") ? "en" : "sv";
}

export function stringsFor(language: Language): Strings {
  return language === "en" ? en : sv;
}

export const LanguageContext = createContext<Language>("sv");

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

export function useStrings(): Strings {
  return stringsFor(useContext(LanguageContext));
}
