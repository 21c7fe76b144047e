import { Body1, Link, Text, Title1, makeStyles, tokens } from "@fluentui/react-components";
import type { OfficeStatus } from "./office-ready";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    maxWidth: "40rem",
  },
  status: {
    color: tokens.colorNeutralForeground2,
  },
});

export interface AppProps {
  /** undefined while office.js is still starting. */
  office?: OfficeStatus;
}

export function statusLine(office?: OfficeStatus): string {
  if (!office) return "Connecting to Office…";
  if (office.host === "Excel") return "Running inside Excel.";
  if (office.host) return `Running inside ${office.host}; AGAP's functions need Excel.`;
  return office.reason ? `Preview mode: ${office.reason}` : "Preview mode: not running inside Excel.";
}

export function App({ office }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title1 as="h1">AGAP</Title1>
      <Body1 as="p">
        AGAP measures how much of an AI agent&apos;s expected value survives execution. The work passes through five
        layers, each scored from 0 to 1, and the scores multiply: one weak layer limits the value that all the others
        can deliver.
      </Body1>
      <Text as="p" className={styles.status} role="status">
        {statusLine(office)}
      </Text>
      <Body1 as="p">
        <Link href="help/functions.html" target="_blank" rel="noopener">
          Function reference
        </Link>
      </Body1>
    </main>
  );
}
