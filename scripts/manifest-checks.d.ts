// Types for manifest-checks.js, so TypeScript tests can import it.
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  text: string;
  parent: XmlElement | null;
}
export interface CheckOptions {
  publicUrl?: string;
}
export type Check = (xml: string, rootDir?: string, options?: CheckOptions) => string[];
export interface CheckResult {
  name: string;
  title: string;
  problems: string[];
}
export interface SchemaResult {
  valid: boolean;
  errors: string[];
  ms: number;
}

export const ROOT: string;
export const SCHEMA_DIR: string;
export const MANIFEST_PATH: string;
export function parseXml(xml: string): XmlElement[];
/** The folder the add-in's page is served from, e.g. https://localhost:3000/. */
export function baseUrl(xml: string): string | null;
export function urls(xml: string): { where: string; value: string }[];
export function pngSize(buf: Buffer): { width: number; height: number } | null;
export const checkResids: Check;
export const checkNamespace: Check;
export const checkHttps: Check;
export const checkOneOrigin: Check;
export const checkPublicUrl: Check;
export const checkIcons: Check;
export const checkPermissions: Check;
export const checkSharedRuntime: Check;
export const CHECKS: Record<string, { title: string; run: Check }>;
export function runChecks(xml: string, options?: string | { rootDir?: string; publicUrl?: string }): CheckResult[];
export function validateSchema(xml: string, schemaDir?: string): Promise<SchemaResult>;
