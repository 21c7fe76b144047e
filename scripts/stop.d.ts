// Types for stop.js, so TypeScript tests can import it.
export interface DevServerRecord {
  pid: number;
  port: number;
  token: string;
}
export interface Identity {
  name?: string;
  pid?: number;
  token?: string | null;
}
export const ROOT: string;
export const PID_FILE: string;
export const SIDELOAD_FILE: string;
export const PORT: number;
export const DEV_REPORT: string;
export const DEV_SERVER_IDENTITY_PATH: string;
export function isAlive(pid: number): boolean;
export function processExists(pid: number): boolean;
export function newToken(): string;
export function writeRecord(record: Partial<DevServerRecord>, pidFile?: string): void;
export function readRecord(pidFile?: string): DevServerRecord | { invalid: string } | null;
export function commandLineOf(pid: number): string | null;
export function askServer(port: number, timeoutMs?: number): Promise<Identity | null>;
export function proveDevServer(
  record: DevServerRecord,
  probes?: { ask?: (port: number) => Promise<Identity | null>; commandLine?: (pid: number) => string | null },
): Promise<string | null>;
export function killProcessTree(pid: number, timeoutMs?: number): Promise<void>;
export function portInUse(port?: number): Promise<boolean>;
export function waitForPortFree(port?: number, timeoutMs?: number): Promise<boolean>;
export function removeSideload(log?: (line: string) => void, sideloadFile?: string): void;
export function stopDevServer(options?: {
  log?: (line: string) => void;
  port?: number;
  pidFile?: string;
  sideloadFile?: string;
  prove?: (record: DevServerRecord) => Promise<string | null>;
}): Promise<void>;
