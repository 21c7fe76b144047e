import * as React from "react";
import { Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ANSWER_MAX, ANSWER_MIN, type Statement } from "../../model";

const useStyles = makeStyles({
  statement: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  text: { fontWeight: tokens.fontWeightRegular },
  // The scale is as wide as its six answers, so the end labels sit under 0 and 5.
  scale: { display: "inline-flex", flexDirection: "column", alignSelf: "flex-start" },
  ends: {
    display: "flex",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalL,
    padding: `0 ${tokens.spacingHorizontalXS}`,
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

/** One statement with its 0–5 answer. Arrow keys move between answers; Tab moves to the next statement. */
export const AnswerScale = React.memo(function AnswerScale({ statement, number, value, onChange }: AnswerScaleProps) {
  const styles = useStyles();
  const labelId = `statement-${statement.id}`;
  const endsId = `${labelId}-ends`;
  return (
    <div className={styles.statement} data-statement={statement.id}>
      <Text id={labelId} className={styles.text}>
        {number}. {statement.text}
      </Text>
      <div className={styles.scale}>
        <RadioGroup
          layout="horizontal-stacked"
          aria-labelledby={labelId}
          aria-describedby={endsId}
          value={value === undefined ? "" : String(value)}
          onChange={(_, data) => onChange(statement.id, Number(data.value))}
        >
          {VALUES.map((option) => (
            <Radio key={option} value={String(option)} label={String(option)} />
          ))}
        </RadioGroup>
        <div id={endsId} className={styles.ends}>
          <span>0 · strongly disagree</span>
          <span>strongly agree · 5</span>
        </div>
        {value === undefined && <span className={styles.unanswered}>Not answered yet</span>}
      </div>
    </div>
  );
});
