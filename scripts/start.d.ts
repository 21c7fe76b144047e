// Types for start.js, so TypeScript tests can import it.
export function parseArgs(
  argv: string[],
  env?: Record<string, string | undefined>,
): { desktop: boolean; verbose: boolean };
export function nextSteps(options: { pid: number; desktop: string[]; status: string }): string;
export function desktopLines(platform: string, notSideloadedBecause: string | null): string[];
