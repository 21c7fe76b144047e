// The store inside Excel: responses live in the "AGAP Assessments" table, drafts in the document
// settings, and reports are sheets of native formulas and charts. This is the only module that
// calls Excel.run. Excel errors are never caught here: they reject the returned promise.
import {
  DEFAULT_MIN_GROUP,
  checkMinGroup,
  localIsoDate,
  parseIsoDate,
  roundsOf,
  type AssessmentResponse,
} from "../model";
import { ASSESSMENTS, ASSESSMENTS_TABLE } from "./sheets/assessments";
import { SUMMARY, roundId } from "./sheets/summary";
import {
  REPORT_CHARTS,
  REPORT_COLUMN_WIDTHS,
  REPORT_PRINT_AREA,
  REPORT_ROWS,
  REPORT_WIDTH,
  reportCells,
  reportFormats,
  reportStyles,
} from "./sheets/report";
import { columnLetter } from "./sheets/spec";
import { safeSheetName } from "./sheet-names";
import { DRAFT_KEY, type AssessmentStore, type Draft, type ReportOptions, type ResponseList } from "./store";
import { DEGRADED, Limitations, supportsExcelApi } from "./api-support";
import { TableGateway } from "./table-gateway";

/** Height of one line of text in a row, in points (Excel's default row at 11 pt). */
const LINE_HEIGHT = 15;
/** Height of the thin row between two sections of the report, in points. */
const SPACE_HEIGHT = 6;
/** Page margins of the printed report, in points (72 to the inch). */
const REPORT_MARGINS = { left: 36, right: 36, top: 54, bottom: 54, header: 22, footer: 22 } as const;
/** Characters of the workflow name the page header keeps. */
const HEADER_NAME_LENGTH = 100;

/** The page header of a report: "&" starts a code in Excel's headers, so a literal one is doubled. */
export function reportHeader(workflow: string): string {
  const name = workflow.length > HEADER_NAME_LENGTH ? `${workflow.slice(0, HEADER_NAME_LENGTH - 1)}…` : workflow;
  return `AGAP report – ${name}`.replace(/&/g, "&&");
}

/** Runs a batch against the workbook; `Excel.run` in Excel, a mock in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The part of `Office.context.document.settings` the store uses. */
export interface DraftSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback: (result: Office.AsyncResult<void>) => void): void;
}

export interface ExcelStoreOptions {
  run?: ExcelRun;
  settings?: DraftSettings;
}

export class ExcelStore implements AssessmentStore {
  readonly kind = "excel" as const;
  private readonly options: ExcelStoreOptions;
  private readonly limitations = new Limitations();

  /** Features this Excel lacked in the writes since the last call, each said once. */
  drainLimitations(): string[] {
    return this.limitations.drain();
  }

  /** Both default to the Office globals, read when first used, so the store can be built before Office is ready. */
  constructor(options: ExcelStoreOptions = {}) {
    this.options = options;
  }

  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.options.run ? this.options.run(batch) : Excel.run(batch);
  }

  private get settings(): DraftSettings {
    return this.options.settings ?? Office.context.document.settings;
  }

  async listResponses(): Promise<ResponseList> {
    return this.run(async (context) => {
      const gateway = new TableGateway(context, this.limitations);
      const [table] = await gateway.open([ASSESSMENTS]);
      const read = gateway.read<AssessmentResponse>(table);
      return { responses: read.items, skipped: read.skipped.map(({ row, problem }) => ({ row, problem })) };
    });
  }

  /** Saves the response's row, and makes sure its round has a row on the summary sheet. */
  async saveResponse(response: AssessmentResponse): Promise<void> {
    await this.run(async (context) => {
      const gateway = new TableGateway(context, this.limitations);
      const [open, summary] = await gateway.open([ASSESSMENTS, SUMMARY]);
      const target = gateway.writable(open);
      const rounds = gateway.writable(summary);
      gateway.upsert(target, response);
      const round = roundsOf([response], response.workflow)[0];
      if (!rounds.rows.some((values) => String(values[rounds.layout.position.roundId] ?? "") === roundId(round))) {
        gateway.upsert(rounds, round);
      }
      gateway.flush();
      await context.sync();
    });
  }

  async deleteResponse(id: string): Promise<void> {
    await this.run(async (context) => {
      const gateway = new TableGateway(context, this.limitations);
      const [open] = await gateway.open([ASSESSMENTS]);
      const target = open.table ? gateway.writable(open) : null;
      if (!target || !gateway.deleteRecord(target, id)) {
        throw new Error(`The ${ASSESSMENTS_TABLE} table has no response with the id "${id}".`);
      }
      gateway.flush();
      await context.sync();
    });
  }

  async loadDraft(): Promise<Draft | null> {
    const stored = this.settings.get(DRAFT_KEY);
    if (stored === null || stored === undefined) return null;
    if (typeof stored !== "string") return stored as Draft;
    try {
      return JSON.parse(stored) as Draft;
    } catch (error) {
      throw new Error(`The draft saved in this workbook is damaged and could not be read: ${(error as Error).message}`);
    }
  }

  async saveDraft(draft: Draft | null): Promise<void> {
    const settings = this.settings;
    if (draft === null) settings.remove(DRAFT_KEY);
    else settings.set(DRAFT_KEY, JSON.stringify(draft));
    await new Promise<void>((resolve, reject) => {
      settings.saveAsync((result) => {
        if (result.status === Office.AsyncResultStatus.Failed) {
          reject(Object.assign(new Error(result.error.message), { code: result.error.code }));
        } else {
          resolve();
        }
      });
    });
  }

  async insertReport(
    workflow: string,
    responses: readonly AssessmentResponse[],
    options: ReportOptions = {},
  ): Promise<string> {
    const own = responses.filter((response) => response.workflow === workflow);
    if (own.length === 0) throw new Error(`There are no saved responses for "${workflow}" to report on yet.`);
    const minGroup = checkMinGroup(options.minGroup ?? DEFAULT_MIN_GROUP);
    if (!minGroup.ok) throw new Error(`The report was not inserted: ${minGroup.message}`);
    const today = options.today ?? localIsoDate(new Date());
    if (parseIsoDate(today) === null) throw new Error(`The report was not inserted: "${today}" is not a date.`);
    const input = {
      workflow,
      responses: own,
      minGroup: minGroup.value,
      insertedOn: today,
      planning: options.planning ?? null,
      decimal: options.decimal,
    };
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const gateway = new TableGateway(context, this.limitations);
      const [open] = await gateway.open([ASSESSMENTS]);
      if (!open.table) {
        throw new Error(`The report reads the ${ASSESSMENTS_TABLE} table, which this workbook does not have.`);
      }
      // The report's formulas need the current layout (the "Answered" column).
      gateway.writable(open);
      gateway.flush();

      const name = safeSheetName(
        `AGAP Report – ${workflow}`,
        worksheets.items.map((sheet) => sheet.name),
      );
      const sheet = worksheets.add(name);
      const block = sheet.getRange(`A1:${columnLetter(REPORT_WIDTH - 1)}${REPORT_ROWS}`);
      const cells = reportCells(input);
      // Formats first, so the workflow name is stored as text even when it starts with "=".
      block.numberFormat = reportFormats();
      block.values = cells.map((row) => row.map((cell) => (cell && "value" in cell ? cell.value : null)));
      block.formulas = cells.map((row) => row.map((cell) => (cell && "formula" in cell ? cell.formula : null)));
      REPORT_COLUMN_WIDTHS.forEach((width, c) => (sheet.getRange(`${columnLetter(c)}1`).format.columnWidth = width));
      const last = columnLetter(REPORT_WIDTH - 1);
      for (const { row, style, lines } of reportStyles(input)) {
        if (style === "title") {
          const title = sheet.getRange(`A${row}`);
          title.format.font.bold = true;
          title.format.font.size = 14;
        } else if (style === "heading") {
          sheet.getRange(`A${row}`).format.font.bold = true;
        } else if (style === "columns") {
          sheet.getRange(`A${row}:${last}${row}`).format.font.bold = true;
        } else if (style === "space") {
          sheet.getRange(`A${row}`).format.rowHeight = SPACE_HEIGHT;
        } else {
          // A note runs across the report's columns; a statement stays in column A, next to its figures.
          const range = sheet.getRange(style === "note" ? `A${row}:${last}${row}` : `A${row}`);
          if (style === "note") range.merge(false);
          range.format.wrapText = true;
          range.format.verticalAlignment = "Top";
          range.format.rowHeight = LINE_HEIGHT * lines;
        }
      }

      for (const chart of REPORT_CHARTS) {
        const added = sheet.charts.add(chart.type, sheet.getRange(chart.source), "Columns");
        added.title.text = chart.title;
        added.setPosition(chart.position[0], chart.position[1]);
      }

      if (supportsExcelApi("1.9")) {
        // One portrait page: everything inside the print area, scaled to fit, centred across.
        const layout = sheet.pageLayout;
        layout.setPrintArea(REPORT_PRINT_AREA);
        layout.orientation = "Portrait";
        layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
        layout.centerHorizontally = true;
        layout.leftMargin = REPORT_MARGINS.left;
        layout.rightMargin = REPORT_MARGINS.right;
        layout.topMargin = REPORT_MARGINS.top;
        layout.bottomMargin = REPORT_MARGINS.bottom;
        layout.headerMargin = REPORT_MARGINS.header;
        layout.footerMargin = REPORT_MARGINS.footer;
        layout.headersFooters.defaultForAllPages.centerHeader = reportHeader(workflow);
      } else {
        this.limitations.note(DEGRADED.printLayout);
      }

      sheet.activate();
      await context.sync();
      return name;
    });
  }
}
