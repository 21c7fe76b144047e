import * as React from "react";
import { LAYER_COUNT } from "../../model";
import { LIMITS } from "../../model";
import { numberText, parseNumber, ruleFromLimit, type NumberRule } from "./parse";

export const SCORE_RULE: NumberRule = ruleFromLimit(LIMITS.score, { percent: true });

/** A score as its field shows it: a percentage with one decimal, in the user's locale. */
export const scoreText = (score: number) => numberText(Math.round(score * 1000) / 10);

/**
 * Five layer scores edited as text (percent) and by slider, measured against base scores. A text
 * that is not a valid score keeps its own message and leaves the last valid score in use; nothing
 * typed is thrown away, not even when the base moves (see follow).
 */
export function useScoreEditor(initial: readonly number[]) {
  const [texts, setTexts] = React.useState<string[]>(() => initial.map(scoreText));
  const [base, setBase] = React.useState<number[]>(() => initial.slice());
  const [valid, setValid] = React.useState<number[]>(() => initial.slice());

  const setText = React.useCallback((layer: number, text: string) => {
    setTexts((current) => current.map((t, i) => (i === layer ? text : t)));
    const parsed = parseNumber(text, SCORE_RULE);
    if (parsed.ok && parsed.value !== null) {
      const value = parsed.value;
      setValid((current) => current.map((v, i) => (i === layer ? value : v)));
    }
  }, []);

  /** From the slider (0–100): always a valid score. */
  const setSlider = React.useCallback((layer: number, percent: number) => {
    const value = Math.min(100, Math.max(0, percent)) / 100;
    setTexts((current) => current.map((t, i) => (i === layer ? scoreText(value) : t)));
    setValid((current) => current.map((v, i) => (i === layer ? value : v)));
  }, []);

  /** Starts over from new scores, which also become the base that changes are measured against. */
  const reset = React.useCallback((scores: readonly number[]) => {
    setTexts(scores.map(scoreText));
    setValid(scores.slice());
    setBase(scores.slice());
  }, []);

  /** Layers the user has changed from the base, by typing or with the slider (valid or not). */
  const edited = base.flatMap((score, i) => (valid[i] !== score || texts[i] !== scoreText(score) ? [i] : []));

  /**
   * Moves to new base scores while keeping the user's changes: a layer still at the old base
   * takes the new base's score, a layer the user changed keeps its text and score. Returns the
   * layers kept. Reads this render's state, so call it while rendering, not from a stale closure.
   */
  const follow = (scores: readonly number[]): number[] => {
    setTexts(texts.map((text, i) => (edited.includes(i) ? text : scoreText(scores[i]))));
    setValid(valid.map((value, i) => (edited.includes(i) ? value : scores[i])));
    setBase(scores.slice());
    return edited;
  };

  const problems = texts.map((text) => {
    const parsed = parseNumber(text, SCORE_RULE);
    return parsed.ok ? (parsed.value === null ? "Required." : null) : parsed.message;
  });
  return {
    texts,
    scores: valid,
    base,
    problems,
    allValid: problems.every((p) => p === null) && valid.length === LAYER_COUNT,
    edited,
    setText,
    setSlider,
    reset,
    follow,
  };
}
