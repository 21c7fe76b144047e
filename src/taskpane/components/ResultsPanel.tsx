import {
  Badge,
  Body1,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  BAND_THRESHOLD_NOTE,
  LAYERS,
  LAYER_GUIDANCE,
  assessAnswers,
  bandOf,
  layerLifts,
  realizedValue,
  survivingShares,
  weakestLayerIndex,
  type Answers,
} from "../../model";
import { DecayCurveChart } from "./DecayCurveChart";
import { formatPercent, formatPoints } from "./format";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  headline: { display: "grid", gridTemplateColumns: "repeat(3, 1fr)", columnGap: tokens.spacingHorizontalS },
  figure: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
  big: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

/** One more answer point on a layer's average is a fifth of the score scale. */
export const ONE_POINT = 0.2;

export function ResultsPanel({ answers }: { answers: Answers }) {
  const styles = useStyles();
  const { layerScores, complete } = assessAnswers(answers);
  const scores = complete ? (layerScores as number[]) : null;
  const realized = scores ? realizedValue(scores) : null;
  const surviving = survivingShares(layerScores);
  const weakest = scores ? weakestLayerIndex(scores) : null;
  const lifts = scores ? layerLifts(scores, ONE_POINT) : null;

  return (
    <section className={styles.panel} aria-label="Results">
      {realized === null ? (
        <Body1 role="status">
          Realized value, gap and band appear once all five layers are answered. Layer scores show as each layer is
          completed.
        </Body1>
      ) : (
        <div className={styles.headline}>
          <div className={styles.figure}>
            <Caption1>Realized value</Caption1>
            <span className={styles.big} data-testid="realized">
              {formatPercent(realized)}
            </span>
          </div>
          <div className={styles.figure}>
            <Caption1>Gap</Caption1>
            <span className={styles.big} data-testid="gap">
              {formatPercent(1 - realized)}
            </span>
          </div>
          <div className={styles.figure}>
            <Caption1>Band</Caption1>
            <Badge appearance="tint" size="large" data-testid="band">
              {bandOf(1 - realized)}
            </Badge>
          </div>
        </div>
      )}
      {realized !== null && <Caption1 className={styles.note}>{BAND_THRESHOLD_NOTE}</Caption1>}

      <Table size="small" aria-label="Layer scores">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Layer</TableHeaderCell>
            <TableHeaderCell>Score</TableHeaderCell>
            <TableHeaderCell>Lift for +1 point</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {LAYERS.map((layer, index) => (
            <TableRow key={layer.id}>
              <TableCell>
                {layer.name}
                {weakest === index && (
                  <Badge appearance="filled" color="danger" size="small" style={{ marginLeft: 6 }}>
                    weakest
                  </Badge>
                )}
              </TableCell>
              <TableCell data-testid={`score-${layer.id}`}>
                {layerScores[index] === null ? "–" : formatPercent(layerScores[index] as number)}
              </TableCell>
              <TableCell>{lifts ? formatPoints(lifts[index].lift, 2) : "–"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {lifts && (
        <Caption1 className={styles.note}>
          Lift: how many points realized value gains if that layer&apos;s average answer rose by one point (+
          {formatPercent(ONE_POINT, 0)} score). The weakest layer always gains most.
        </Caption1>
      )}

      {weakest !== null && (
        <div className={styles.section}>
          <Subtitle2 as="h3">Fix first: {LAYERS[weakest].name}</Subtitle2>
          <Body1>This layer caps everything the others deliver. Signs it is leaking:</Body1>
          <ul className={styles.list}>
            {LAYER_GUIDANCE[LAYERS[weakest].id].warningSigns.map((sign) => (
              <li key={sign}>{sign}</li>
            ))}
          </ul>
          <Body1>What to do:</Body1>
          <ul className={styles.list} aria-label="Recommendations">
            {LAYER_GUIDANCE[LAYERS[weakest].id].actions.map((action) => (
              <li key={action}>{action}</li>
            ))}
          </ul>
        </div>
      )}

      <div className={styles.section}>
        <Subtitle2 as="h3">Decay curve</Subtitle2>
        <DecayCurveChart surviving={surviving} />
      </div>
    </section>
  );
}
