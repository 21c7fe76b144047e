// The themes other than light, loaded only when Office, the system or the browser asks for them.
export { teamsHighContrastTheme, webDarkTheme } from "@fluentui/react-components";
