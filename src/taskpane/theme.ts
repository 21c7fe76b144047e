import { webLightTheme, type Theme } from "@fluentui/react-components";
import type { StartupProblem } from "./errors";

/** The colours Office reports for its current theme (a subset of Office.OfficeTheme). */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  isDarkTheme?: boolean;
}

export type ThemeName = "light" | "dark" | "high-contrast";

/** Perceived brightness of a #rrggbb colour, 0–255; null when it cannot be read. */
export function brightness(hex: string | undefined): number | null {
  const digits = (hex ?? "").replace("#", "");
  if (!/^[0-9a-f]{6}$/i.test(digits)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

/**
 * Chooses the pane's theme: high contrast when the system forces colours, otherwise Office's
 * theme inside Office, otherwise the browser's colour-scheme preference.
 */
export function chooseTheme(options: {
  officeTheme?: OfficeThemeColors;
  forcedColors: boolean;
  prefersDark: boolean;
}): ThemeName {
  if (options.forcedColors) return "high-contrast";
  const theme = options.officeTheme;
  if (theme) {
    if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
    const level = brightness(theme.bodyBackgroundColor);
    if (level !== null) return level < 128 ? "dark" : "light";
  }
  return options.prefersDark ? "dark" : "light";
}

/**
 * The pane's font stacks, the same in every theme. Fluent's differ by theme: the web themes name
 * each platform's interface font by its older names, and a web font ('Segoe UI Web (West
 * European)') that the pane never loads, since its Content-Security-Policy takes fonts from its
 * own origin only. A browser looks up each name it lacks when it first lays out a weight and size,
 * so outside Windows the first screen paid for five missing names: about 4 ms of its first layout
 * in headless Chromium on Linux. Segoe UI stays first (Windows, where Excel draws in it);
 * `system-ui` is the platform's interface font everywhere else, as `-apple-system`,
 * `BlinkMacSystemFont` and `Roboto` were.
 */
const PANE_FONTS = {
  fontFamilyBase: "'Segoe UI', system-ui, sans-serif",
  fontFamilyNumeric: "Bahnschrift, 'Segoe UI', system-ui, sans-serif",
} as const satisfies Partial<Theme>;

/** A Fluent theme with the pane's font stacks. */
function withPaneFonts(theme: Theme): Theme {
  return { ...theme, ...PANE_FONTS };
}

/** The light theme, in the first bundle. */
export const paneLightTheme: Theme = withPaneFonts(webLightTheme);

/**
 * The Fluent theme for a name, with the pane's fonts. The light theme is in the first bundle; the
 * dark and high-contrast themes come from a small chunk, so that building them costs nothing at
 * start-up in light mode.
 */
export async function loadFluentTheme(name: ThemeName): Promise<Theme> {
  if (name === "light") return paneLightTheme;
  const { webDarkTheme, teamsHighContrastTheme } = await import(/* webpackChunkName: "themes" */ "./other-themes");
  return withPaneFonts(name === "dark" ? webDarkTheme : teamsHighContrastTheme);
}

export interface ThemeChoice {
  name: ThemeName;
  theme: Theme;
  /** Why the theme asked for could not be used; the light theme is used instead. */
  problem?: StartupProblem;
}

/**
 * The theme for a name, or the light theme and the reason when the themes chunk cannot load (a
 * dropped connection): the pane still starts, and says why it is light.
 */
export async function loadThemeOrLight(name: ThemeName): Promise<ThemeChoice> {
  try {
    return { name, theme: await loadFluentTheme(name) };
  } catch (error) {
    const title = `The ${name} theme could not be loaded, so the pane uses the light theme (reopen it to try again)`;
    return { name: "light", theme: paneLightTheme, problem: { title, error } };
  }
}
