// Every surface agrees with the model, for every workflow and round: the sheets written through
// the Office.js fake and evaluated in a real spreadsheet engine, and the same sheets in the .xlsx
// export, read back and recalculated. Neither engine has the AGAP functions, as a colleague
// without the add-in would not.
import ExcelJS from "exceljs";
import {
  LAYERS,
  latestRound,
  portfolio,
  roiFigures,
  roiFlags,
  roundsOf,
  assessAnswers,
  realizedValue,
  bandOf,
  weakestLayerIndex,
  attributionShares,
  type AssessmentRound,
} from "../../src/model";
import { ExcelPlanningStore } from "../../src/workbook/excel-planning";
import { ExcelStore, type DraftSettings } from "../../src/workbook/excel-store";
import { addPlanningSheets } from "../../src/workbook/export-planning-xlsx";
import { buildAssessmentWorkbook } from "../../src/workbook/export-xlsx";
import { dateToSerial } from "../../src/workbook/sheets/cells";
import { NO_EARLIER_ROUND, reportRow } from "../../src/workbook/sheets/report";
import { roundId } from "../../src/workbook/sheets/summary";
import { evaluateFake, evaluateXlsx, type Evaluated, type EvaluatedWorkbook } from "../support/workbook-engine";
import { MATURITY, RESPONSES, ROI_ROWS, WORKFLOWS } from "./consistency-fixture";
import { FakeWorkbook } from "./fake-excel";

const NA = { error: "#N/A" };

/** A figure as a sheet shows it: a number within 1e-12 (relative for money), text, or #N/A for null. */
function expectFigure(actual: Evaluated | undefined, expected: number | string | null, where: string): void {
  if (expected === null) {
    expect({ where, actual }).toEqual({ where, actual: NA });
  } else if (typeof expected === "number") {
    if (typeof actual !== "number") throw new Error(`${where}: expected ${expected}, got ${JSON.stringify(actual)}`);
    const tolerance = 1e-12 * Math.max(1, Math.abs(expected));
    if (Math.abs(actual - expected) > tolerance) {
      throw new Error(`${where}: expected ${expected}, got ${actual} (off by ${actual - expected})`);
    }
  } else {
    expect({ where, actual }).toEqual({ where, actual: expected });
  }
}

const roundDate = (round: Pick<AssessmentRound, "date"> | null) =>
  round === null ? null : round.date ? dateToSerial(round.date) : 0;

/** Checks the tables every surface shares, as evaluated in one workbook. */
function checkTables(workbook: EvaluatedWorkbook): void {
  // Assessments: each row's own figures.
  const assessments = workbook.rows("AgapAssessments");
  for (const response of RESPONSES) {
    const row = assessments.find((values) => values["Response ID"] === response.id);
    expect(row).toBeDefined();
    const { layerScores, complete, answered } = assessAnswers(response.answers);
    LAYERS.forEach((layer, k) =>
      expectFigure(row![`${layer.short} score`], layerScores[k], `${response.id} ${layer.short}`),
    );
    const realized = complete ? realizedValue(layerScores as number[]) : null;
    expectFigure(row!["Realized value"], realized, `${response.id} realized`);
    expectFigure(row!["Gap"], realized === null ? null : 1 - realized, `${response.id} gap`);
    expectFigure(row!["Band"], realized === null ? null : bandOf(1 - realized), `${response.id} band`);
    const weakest = realized === null ? null : LAYERS[weakestLayerIndex(layerScores as number[])].name;
    expectFigure(row!["Weakest layer"], weakest, `${response.id} weakest`);
    expectFigure(row!["Answered"], answered, `${response.id} answered`);
  }

  // Summary: one row per workflow and round, each the round's team result.
  const summary = workbook.rows("AgapSummary");
  const rounds = WORKFLOWS.flatMap((workflow) => roundsOf(RESPONSES, workflow));
  expect(rounds).toHaveLength(6);
  for (const round of rounds) {
    const where = `summary ${roundId(round)}`;
    const row = summary.find((values) => values["Round ID"] === roundId(round));
    expect({ where, found: row !== undefined }).toEqual({ where, found: true });
    expectFigure(row!["Round date"], roundDate(round), `${where} date`);
    expectFigure(row!["Responses"], round.responses.length, `${where} responses`);
    expectFigure(row!["Complete"], round.result?.respondents ?? 0, `${where} complete`);
    LAYERS.forEach((layer, k) =>
      expectFigure(row![`${layer.short} mean`], round.result?.layerScores[k] ?? null, `${where} ${layer.short}`),
    );
    expectFigure(row!["Realized value"], round.result?.realized ?? null, `${where} realized`);
    expectFigure(row!["Gap"], round.result?.gap ?? null, `${where} gap`);
    expectFigure(row!["Band"], round.result?.band ?? null, `${where} band`);
    expectFigure(row!["Weakest layer"], round.result ? LAYERS[round.result.weakest].name : null, `${where} weakest`);
  }

  // Portfolio: the latest round and the ROI status of every workflow.
  const listed = workbook.rows("AgapPortfolio");
  const model = portfolio(RESPONSES, MATURITY, ROI_ROWS);
  expect(new Set(listed.map((row) => row.Workflow))).toEqual(new Set(model.map((row) => row.workflow)));
  for (const expected of model) {
    const where = `portfolio ${expected.workflow}`;
    const row = listed.find((values) => values.Workflow === expected.workflow)!;
    const latest = latestRound(RESPONSES, expected.workflow);
    expectFigure(row["Latest assessment"], roundDate(latest), `${where} date`);
    expectFigure(row["Latest realized value"], expected.latestRealized, `${where} realized`);
    expectFigure(row["Band"], expected.band, `${where} band`);
    expectFigure(row["Weakest layer"], expected.weakest, `${where} weakest`);
    expectFigure(row["ROI status"], expected.roiStatus, `${where} ROI status`);
    LAYERS.forEach((layer, k) =>
      expectFigure(
        row[`Latest ${layer.short} score`],
        latest?.result?.layerScores[k] ?? null,
        `${where} ${layer.short}`,
      ),
    );
  }

  // ROI: the latest scores, the projected view and the measured figures.
  const roi = workbook.rows("AgapRoi");
  for (const entry of ROI_ROWS) {
    const where = `ROI ${entry.id}`;
    const row = roi.find((values) => values["ROI ID"] === entry.id)!;
    const latest = latestRound(RESPONSES, entry.workflow);
    const figures = roiFigures(entry, latest?.result?.layerScores ?? null);
    expectFigure(row["Latest assessment"], roundDate(latest), `${where} latest date`);
    LAYERS.forEach((layer, k) =>
      expectFigure(
        row[`Latest ${layer.short} score`],
        latest?.result?.layerScores[k] ?? null,
        `${where} ${layer.short}`,
      ),
    );
    expectFigure(row["Projected value"], figures.projected, `${where} projected`);
    expectFigure(row["Measured ROI"], figures.measuredRoi, `${where} measured ROI`);
    expectFigure(row["NPV"], figures.npv, `${where} NPV`);
    expectFigure(row["Payback"], figures.payback, `${where} payback`);
    expectFigure(
      row["Flags"],
      roiFlags(entry)
        .map((flag) => flag.message)
        .join(" "),
      `${where} flags`,
    );
  }
}

/** Checks that the fixture exercises what it claims to, so the checks above cannot pass vacuously. */
describe("the consistency fixture", () => {
  it("has two rounds of one workflow, a partial respondent, a case twin, an undated latest round and a round without a result", () => {
    expect(roundsOf(RESPONSES, "Claims").map((round) => round.date)).toEqual(["2026-01-10", "2026-04-02"]);
    expect(roundsOf(RESPONSES, "Claims")[0].partial).toBe(1);
    expect(roundsOf(RESPONSES, "claims")).toHaveLength(1);
    expect(latestRound(RESPONSES, "1/2")?.date).toBe("");
    expect(roundsOf(RESPONSES, "1/2")[1].result).toBeNull();
    // Pooling the two Claims rounds would give another number: the checks can tell them apart.
    const [january, april] = roundsOf(RESPONSES, "Claims").map((round) => round.result!.realized);
    expect(Math.abs(january - april)).toBeGreaterThan(0.01);
  });
});

describe("sheets written through Office.js and evaluated without the add-in", () => {
  let book: FakeWorkbook;
  let evaluated: EvaluatedWorkbook;
  beforeAll(async () => {
    book = new FakeWorkbook();
    const settings: DraftSettings = {
      get: () => null,
      set: () => undefined,
      remove: () => undefined,
      saveAsync: (cb) => cb({ status: "succeeded" } as unknown as Office.AsyncResult<void>),
    };
    const store = new ExcelStore({ run: book.run, settings });
    for (const response of RESPONSES) await store.saveResponse(response);
    const planning = new ExcelPlanningStore({ run: book.run });
    for (const entry of ROI_ROWS) await planning.saveRoi(entry);
    for (const record of MATURITY) await planning.saveMaturity(record);
    for (const workflow of WORKFLOWS) await store.insertReport(workflow, RESPONSES);
    evaluated = evaluateFake(book);
  });

  it("agree with the model for every workflow and round", () => {
    checkTables(evaluated);
  });

  it("give each workflow's report the figures of its latest round, and what moved since the one before", () => {
    for (const workflow of WORKFLOWS) {
      const sheet = book.sheets.find(
        (s) => s.name.startsWith("AGAP Report") && s.cell(`B${reportRow("workflow")}`).value === workflow,
      )!;
      expect(sheet).toBeDefined();
      const value = (column: string, key: string) =>
        evaluated.value(sheet.name, reportRow(key), column.charCodeAt(0) - 65);
      const latest = latestRound(RESPONSES, workflow)!;
      expectFigure(value("B", "round"), roundDate(latest), `${workflow} report date`);
      expectFigure(value("B", "responses"), latest.result!.respondents, `${workflow} report complete`);
      LAYERS.forEach((layer, k) =>
        expectFigure(value("B", `layer:${k}`), latest.result!.layerScores[k], `${workflow} report ${layer.short}`),
      );
      expectFigure(value("B", "realized"), latest.result!.realized, `${workflow} report realized`);
      expectFigure(value("B", "gap"), latest.result!.gap, `${workflow} report gap`);
      expectFigure(value("B", "band"), latest.result!.band, `${workflow} report band`);
      expectFigure(value("B", "weakest"), LAYERS[latest.result!.weakest].name, `${workflow} report weakest`);

      const scored = roundsOf(RESPONSES, workflow).filter((round) => round.result !== null);
      const previous = scored.length >= 2 ? scored[scored.length - 2] : null;
      if (previous === null) {
        expectFigure(value("B", "previousRound"), NO_EARLIER_ROUND, `${workflow} report previous round`);
        LAYERS.forEach((layer, k) => expectFigure(value("D", `moved:${k}`), "", `${workflow} share ${layer.short}`));
        continue;
      }
      expectFigure(value("B", "previousRound"), roundDate(previous), `${workflow} report previous round`);
      const shares = attributionShares(previous.result!.layerScores, latest.result!.layerScores);
      LAYERS.forEach((layer, k) => {
        expectFigure(value("B", `moved:${k}`), previous.result!.layerScores[k], `${workflow} before ${layer.short}`);
        expectFigure(value("D", `moved:${k}`), shares[k], `${workflow} share ${layer.short}`);
      });
      const change = latest.result!.realized - previous.result!.realized;
      expectFigure(value("D", "movedChange"), change, `${workflow} change`);
      expectFigure(value("D", "movedCheck"), "yes", `${workflow} shares add up`);
    }
  });

  it("follow a row added later: the next round counts without rewriting the summary", async () => {
    const store = new ExcelStore({ run: book.run, settings: undefined });
    const extra = { ...RESPONSES[4], id: "late", respondent: "Late" };
    await store.saveResponse(extra);
    const after = evaluateFake(book);
    const april = roundsOf([...RESPONSES, extra], "Claims")[1];
    const row = after.rows("AgapSummary").find((values) => values["Round ID"] === roundId(april))!;
    expectFigure(row["Complete"], 3, "April complete after a late response");
    expectFigure(row["Realized value"], april.result!.realized, "April realized after a late response");
  });
});

describe("the .xlsx export, read back and recalculated without the add-in", () => {
  let evaluated: EvaluatedWorkbook;
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    const bytes = await buildAssessmentWorkbook(RESPONSES, ExcelJS, (workbook) =>
      addPlanningSheets(
        workbook,
        { scenarios: [], roi: ROI_ROWS, maturity: MATURITY, roadmaps: [], skipped: [] },
        RESPONSES,
      ),
    );
    book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes);
    evaluated = evaluateXlsx(book);
  });

  it("agrees with the model for every workflow and round", () => {
    checkTables(evaluated);
  });

  it("caches exactly what the formulas compute", () => {
    let checked = 0;
    book.eachSheet((sheet) => {
      sheet.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const value = cell.value as ExcelJS.CellFormulaValue;
          if (value === null || typeof value !== "object" || !("formula" in value)) return;
          const result = value.result as unknown;
          const shown = evaluated.value(sheet.name, r, c - 1);
          const where = `${sheet.name}!${cell.address}`;
          if (result === undefined) {
            // exceljs reads a cached 0 or "" back as no result, though the file holds <v>0</v>.
            expect({ where, shown: shown === 0 || shown === "" }).toEqual({ where, shown: true });
          } else if (result !== null && typeof result === "object" && "error" in result) {
            expect({ where, shown }).toEqual({ where, shown: { error: (result as { error: string }).error } });
          } else if (result instanceof Date) {
            // A cached value in a date-formatted cell comes back as a Date; the file holds the serial.
            expectFigure(shown, Math.round(result.getTime() / 86_400_000 + 25_569), where);
          } else {
            expectFigure(shown, result as number | string, where);
          }
          checked++;
        }),
      );
    });
    expect(checked).toBeGreaterThan(200);
  });
});
