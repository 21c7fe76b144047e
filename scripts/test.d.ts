// Types for test.js, so TypeScript tests can import its constants.
export const PUBLIC_BUILD_URL: string;
export const PUBLIC_BUILD_DIR: string;
