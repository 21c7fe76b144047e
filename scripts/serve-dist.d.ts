// Types for serve-dist.js, so TypeScript tests can import it.
import type { IncomingMessage, ServerResponse } from "http";

export interface DistOptions {
  root: string;
  /** The path the build is served under, with slashes at both ends, e.g. "/addin/". */
  basePath?: string;
}
export function createDistHandler(options: DistOptions): (req: IncomingMessage, res: ServerResponse) => void;
export function serveHttp(options: DistOptions): Promise<{ origin: string; close(): Promise<void> }>;
export function headersFor(file: string): Record<string, string>;
export function buildBase(dir: string): { xml: string; base: string };
export function parseArgs(argv: string[]): { port: number; dir: string };
export const CONTENT_TYPES: Record<string, string>;
