// Types for chromium.js, so TypeScript tests and benchmarks can import it.
export interface LocatedChromium {
  source: "CHROMIUM_PATH" | "system" | "bundled";
  path: string;
}
export function locateChromium(env?: NodeJS.ProcessEnv): LocatedChromium;
export function chromiumExecutable(): Promise<string>;
export function systemCandidates(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string[];
export function systemChromium(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string | null;
export function withLock<T>(
  lockDir: string,
  fn: () => Promise<T>,
  options?: { staleMs?: number; timeoutMs?: number },
): Promise<T>;
