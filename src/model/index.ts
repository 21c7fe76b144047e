// The AGAP model: pure TypeScript, with no Office, React or DOM dependency.
export * from "./layers";
export * from "./curve";
export * from "./assessment";
export * from "./bands";
export * from "./sensitivity";
export * from "./weakest";
export * from "./plan";
export * from "./roi";
export * from "./maturity";
export * from "./roadmap";
export * from "./recommendations";
export * from "./team";
export * from "./grid";
export * from "./uncertainty";
export * from "./roi-tracker";
export * from "./portfolio";
export * from "./scenario";
