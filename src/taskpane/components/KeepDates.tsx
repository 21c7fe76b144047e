import * as React from "react";

// A date and the punctuation right after it, which would otherwise start the next line.
const ISO_DATE = /(\d{4}-\d{2}-\d{2}[.,:;]?)/;
const unbroken: React.CSSProperties = { whiteSpace: "nowrap" };

/**
 * Text with every ISO date (2026-04-02) kept on one line, with the punctuation after it: browsers
 * otherwise break a date at its hyphens in a narrow pane. The text itself is unchanged.
 */
export function KeepDates({ text }: { text: string }) {
  const parts = text.split(ISO_DATE);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} style={unbroken}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}
