import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

// Tabs for the pane's sections, following the ARIA tabs pattern: one tab stop, arrow keys
// (and Home/End) move and select, the panel is labelled by its tab.
const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS },
  tab: {
    border: "none",
    background: "none",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground2,
    cursor: "pointer",
    borderBottom: `${tokens.strokeWidthThick} solid transparent`,
    ":hover": { color: tokens.colorNeutralForeground1 },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
      borderRadius: tokens.borderRadiusMedium,
    },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
});

export interface TabBarProps<T extends string> {
  label: string;
  tabs: Readonly<Record<T, string>>;
  selected: T;
  onSelect: (tab: T) => void;
}

export function TabBar<T extends string>({ label, tabs, selected, onSelect }: TabBarProps<T>) {
  const styles = useStyles();
  const ids = Object.keys(tabs) as T[];
  const refs = React.useRef(new Map<T, HTMLButtonElement>());
  const move = (from: T, key: string) => {
    const at = ids.indexOf(from);
    const next =
      key === "ArrowRight"
        ? ids[(at + 1) % ids.length]
        : key === "ArrowLeft"
          ? ids[(at - 1 + ids.length) % ids.length]
          : key === "Home"
            ? ids[0]
            : key === "End"
              ? ids[ids.length - 1]
              : undefined;
    if (next === undefined) return false;
    onSelect(next);
    refs.current.get(next)?.focus();
    return true;
  };
  return (
    <div role="tablist" aria-label={label} className={styles.list}>
      {ids.map((id) => (
        <button
          key={id}
          ref={(element) => {
            if (element) refs.current.set(id, element);
          }}
          type="button"
          role="tab"
          id={`tab-${id}`}
          aria-selected={id === selected}
          aria-controls={`panel-${id}`}
          tabIndex={id === selected ? 0 : -1}
          className={mergeClasses(styles.tab, id === selected && styles.selected)}
          onClick={() => onSelect(id)}
          onKeyDown={(event) => {
            if (move(id, event.key)) event.preventDefault();
          }}
        >
          {tabs[id]}
        </button>
      ))}
    </div>
  );
}
