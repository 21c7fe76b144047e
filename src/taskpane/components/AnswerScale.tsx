import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { ANSWER_MAX, ANSWER_MIN, type Statement } from "../../model";

const useStyles = makeStyles({
  statement: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // The scale is as wide as its six answers, so the end labels sit under 0 and 5.
  scale: { display: "inline-flex", flexDirection: "column", alignSelf: "flex-start" },
  options: { display: "flex", columnGap: tokens.spacingHorizontalXS },
  option: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    width: "2.25rem",
    cursor: "pointer",
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
  },
  input: {
    width: "18px",
    height: "18px",
    margin: `${tokens.spacingVerticalXS} 0`,
    accentColor: tokens.colorCompoundBrandBackground,
    cursor: "pointer",
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
  },
  ends: {
    display: "flex",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  unanswered: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const VALUES = Array.from({ length: ANSWER_MAX - ANSWER_MIN + 1 }, (_, i) => ANSWER_MIN + i);

export interface AnswerScaleProps {
  statement: Statement;
  number: number;
  value: number | undefined;
  onChange: (statementId: string, value: number) => void;
}

/**
 * One statement with its 0–5 answer, as native radio buttons: Tab reaches the group, arrow keys
 * choose. Native inputs keep fifteen scales cheap to render.
 */
export const AnswerScale = React.memo(function AnswerScale({ statement, number, value, onChange }: AnswerScaleProps) {
  const styles = useStyles();
  const labelId = `statement-${statement.id}`;
  const endsId = `${labelId}-ends`;
  return (
    <div className={styles.statement} data-statement={statement.id}>
      <span id={labelId}>
        {number}. {statement.text}
      </span>
      <div className={styles.scale}>
        <div role="radiogroup" aria-labelledby={labelId} aria-describedby={endsId} className={styles.options}>
          {VALUES.map((option) => (
            <label key={option} className={styles.option}>
              <input
                className={styles.input}
                type="radio"
                name={`answer-${statement.id}`}
                value={option}
                checked={value === option}
                onChange={() => onChange(statement.id, option)}
              />
              {option}
            </label>
          ))}
        </div>
        <div id={endsId} className={styles.ends}>
          <span>0 · strongly disagree</span>
          <span>strongly agree · 5</span>
        </div>
        {value === undefined && <span className={styles.unanswered}>Not answered yet</span>}
      </div>
    </div>
  );
});
