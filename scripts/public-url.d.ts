// Types for public-url.js, so TypeScript tests can import it.
export const DEV_URL: string;
export function isLocalHost(hostname: string): boolean;
export function publicUrlProblem(value: string): string | null;
export function parsePublicUrl(value: string, variable?: string): string;
export function rebaseManifest(xml: string, to: string, from?: string): string;
export function withHelpUrls(json: string, base: string): string;
export function parseStrict(xml: string): Document;
