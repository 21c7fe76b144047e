import { Slider, Text, makeStyles, tokens } from "@fluentui/react-components";
import { LAYERS } from "../../model";
import { NumberField } from "./NumberField";
import { SCORE_RULE, scoreText, type useScoreEditor } from "./useScoreEditor";

const useStyles = makeStyles({
  layer: {
    display: "grid",
    // Wide enough for "Measurement %" on one line, so every field sits level with its slider.
    gridTemplateColumns: "minmax(0, 1fr) 7.5rem",
    alignItems: "end",
    columnGap: tokens.spacingHorizontalS,
  },
  slider: { display: "flex", flexDirection: "column" },
});

/** Five layers, each with a slider and a typed percentage that always agree. */
export function ScoreEditor({ editor }: { editor: ReturnType<typeof useScoreEditor> }) {
  const styles = useStyles();
  return (
    <div role="group" aria-label="Layer scores">
      {LAYERS.map((layer, i) => (
        <div key={layer.id} className={styles.layer}>
          <div className={styles.slider}>
            <Text id={`slider-${layer.id}`}>{layer.name}</Text>
            <Slider
              min={0}
              max={100}
              step={1}
              value={Math.round(editor.scores[i] * 100)}
              aria-labelledby={`slider-${layer.id}`}
              aria-valuetext={`${scoreText(editor.scores[i])}%`}
              onChange={(_, data) => editor.setSlider(i, data.value)}
            />
          </div>
          <NumberField
            label={`${layer.short} %`}
            text={editor.texts[i]}
            rule={SCORE_RULE}
            onText={(text) => editor.setText(i, text)}
          />
        </div>
      ))}
    </div>
  );
}
