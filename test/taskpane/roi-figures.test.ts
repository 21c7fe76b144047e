// An ROI row's figures in words: every number with its unit and span, every missing one with what it needs.
import { roiFigures, type RoiEntry } from "../../src/model/roi-tracker";
import {
  NOT_PROVABLE,
  NO_FIGURE,
  currencyWords,
  fieldUnits,
  roiFigureTexts,
} from "../../src/taskpane/planning/roi-figures";
import { ROI_NUMBER_FIELDS } from "../../src/model/roi-tracker";
import { ROI_ENTRY } from "../model/roi-entry";

const SCORES = [0.8, 0.6, 0.5, 0.4, 0.5]; // realized 0.048

const textsOf = (entry: RoiEntry, scores: readonly number[] | null = SCORES) =>
  roiFigureTexts(entry, roiFigures(entry, scores), scores);

describe("roiFigureTexts: a complete row", () => {
  // Benefit (40 − 25) × 60 = 900 a period; one-off 3000 + 1000 + 500 = 4500; maintain 500 a period.
  const texts = textsOf(ROI_ENTRY);

  test("projected: expected value × realized value, in your currency, for the expected value's span", () => {
    // 100 000 × 0.048 = 4 800.
    expect(texts.projected).toEqual({
      value: "4,800",
      note: "In your currency, for the expected value's span: expected value × 4.8% realized value (latest assessment).",
      missing: false,
    });
  });

  test("measured ROI: over the periods observed", () => {
    // (900 × 12 − (4500 + 500 × 12)) / 10 500 = 300 / 10 500 = 2.857…%.
    expect(texts.measured).toEqual({
      value: "2.9%",
      note: "Over the 12 periods observed, against the baseline, net of every cost.",
      missing: false,
    });
  });

  test("NPV: in your currency, over the horizon at the discount rate", () => {
    // At 0%: (900 − 500) × 12 − 4500 = 300.
    expect(texts.npv).toEqual({
      value: "300",
      note: "In your currency, over 12 periods at 0.0% a period.",
      missing: false,
    });
  });

  test("payback: a number of periods", () => {
    // 4500 / 400 = 11.25 periods.
    expect(texts.payback.value).toBe("11.3 periods");
    expect(texts.payback.note).toBe("Until the benefit, less maintain, has covered the one-off costs.");
  });

  test("one period is a period, not periods", () => {
    const one = textsOf({ ...ROI_ENTRY, periods: 1, horizon: 1 });
    expect(one.measured.note).toBe("Over the 1 period observed, against the baseline, net of every cost.");
    expect(one.npv.note).toBe("In your currency, over 1 period at 0.0% a period.");
  });
});

describe("roiFigureTexts with the workbook's currency", () => {
  // The fields show the symbol Excel gives; the figures name the same one.
  const texts = roiFigureTexts(ROI_ENTRY, roiFigures(ROI_ENTRY, SCORES), SCORES, "€");

  test("amounts are said to be in it", () => {
    expect(texts.projected.note).toBe(
      "In €, for the expected value's span: expected value × 4.8% realized value (latest assessment).",
    );
    expect(texts.npv.note).toBe("In €, over 12 periods at 0.0% a period.");
  });

  test("the figures themselves are the same as without it", () => {
    const plain = textsOf(ROI_ENTRY);
    expect([texts.projected.value, texts.npv.value, texts.measured, texts.payback]).toEqual([
      plain.projected.value,
      plain.npv.value,
      plain.measured,
      plain.payback,
    ]);
  });

  test.each([
    ["€", "in €"],
    [" kr ", "in kr"],
    ["", "in your currency"],
    ["  ", "in your currency"],
    [undefined, "in your currency"],
  ])("currencyWords(%j) is %j", (currency, words) => {
    expect(currencyWords(currency)).toBe(words);
  });
});

describe("roiFigureTexts: what a missing figure needs, in words", () => {
  test("without a baseline: no measured ROI, NPV or payback, and each says it needs the baseline", () => {
    const texts = textsOf({ ...ROI_ENTRY, baseline: null });
    expect(texts.measured).toEqual({
      value: NOT_PROVABLE,
      note: "Needs a baseline captured before go-live.",
      missing: true,
    });
    expect(texts.npv).toEqual({ value: NO_FIGURE, note: "Needs a baseline captured before go-live.", missing: true });
    expect(texts.payback).toEqual({
      value: NO_FIGURE,
      note: "Needs a baseline captured before go-live.",
      missing: true,
    });
    for (const text of [texts.measured, texts.npv, texts.payback]) expect(text.value).not.toMatch(/\d/);
  });

  test("lists everything that is missing, in order", () => {
    const empty: RoiEntry = {
      ...ROI_ENTRY,
      baseline: null,
      current: null,
      valuePerUnit: null,
      build: null,
      integrate: null,
      govern: null,
      maintain: null,
      periods: null,
      horizon: null,
      discountRate: null,
      expectedValue: null,
    };
    const texts = textsOf(empty, null);
    expect(texts.projected.note).toBe(
      "Needs the expected value (business case) and a complete assessment of “Invoice triage”, for its realized value.",
    );
    expect(texts.measured.note).toBe(
      "Needs a baseline captured before go-live, the value now, the money per unit, a cost and the periods observed.",
    );
    expect(texts.npv.note).toBe(
      "Needs a baseline captured before go-live, the value now, the money per unit, a cost, the horizon and the discount rate.",
    );
    expect(texts.payback.note).toBe(
      "Needs a baseline captured before go-live, the value now, the money per unit, a cost and the horizon.",
    );
  });

  test("projected: names the one thing missing", () => {
    expect(textsOf({ ...ROI_ENTRY, expectedValue: null }).projected).toEqual({
      value: NO_FIGURE,
      note: "Needs the expected value (business case).",
      missing: true,
    });
    expect(textsOf(ROI_ENTRY, null).projected.note).toBe(
      "Needs a complete assessment of “Invoice triage”, for its realized value.",
    );
  });

  test("costs of 0: measured ROI says there is nothing to measure a return on", () => {
    const texts = textsOf({ ...ROI_ENTRY, build: 0, integrate: 0, govern: 0, maintain: 0 });
    expect(texts.measured).toEqual({
      value: NOT_PROVABLE,
      note: "The costs add up to 0, so there is nothing to measure a return on.",
      missing: true,
    });
  });

  test("payback that never comes, or comes after the horizon, says which", () => {
    // Maintain 900 a period eats the whole benefit of 900.
    expect(textsOf({ ...ROI_ENTRY, maintain: 900 }).payback.note).toBe(
      "Never: the benefit of a period does not exceed its maintain cost.",
    );
    // 4500 / 400 = 11.25 periods, more than a horizon of 6.
    expect(textsOf({ ...ROI_ENTRY, horizon: 6 }).payback.note).toBe("Not within the horizon of 6 periods.");
  });

  test("a rate so large that NPV overflows says so", () => {
    const texts = textsOf({ ...ROI_ENTRY, discountRate: 1e300, horizon: 400 });
    expect(texts.npv).toEqual({
      value: NO_FIGURE,
      note: "The discount rate is too large for a net present value.",
      missing: true,
    });
  });
});

describe("fieldUnits: the unit after every ROI field", () => {
  test("the workbook's currency symbol on every amount, the metric's unit on the measured values", () => {
    const units = fieldUnits(" hours ", "€");
    expect(units).toEqual({
      baseline: "hours",
      current: "hours",
      valuePerUnit: "€",
      build: "€",
      integrate: "€",
      govern: "€",
      maintain: "€",
      periods: "periods",
      horizon: "periods",
      discountRate: "%",
      expectedValue: "€",
    });
  });

  test("without a currency or a metric unit it says so in words, and no field is left without a unit", () => {
    const units = fieldUnits("  ", undefined);
    expect(units.build).toBe("currency");
    expect(units.baseline).toBe("units");
    expect(fieldUnits("", " ").expectedValue).toBe("currency");
    for (const field of ROI_NUMBER_FIELDS) expect(units[field]).toMatch(/\S/);
  });
});
