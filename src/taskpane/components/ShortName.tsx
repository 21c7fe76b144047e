import { makeStyles, mergeClasses } from "@fluentui/react-components";

const useStyles = makeStyles({
  // One line at most, cut with an ellipsis; the text itself stays whole for screen readers and copy.
  name: {
    display: "inline-block",
    maxWidth: "100%",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    verticalAlign: "bottom",
  },
});

/**
 * A name that may be long (a workflow's, a scenario's), shortened to the width it has with an
 * ellipsis; hovering shows it in full, and it is read in full.
 */
export function ShortName({ name, className }: { name: string; className?: string }) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.name, className)} title={name}>
      {name}
    </span>
  );
}
