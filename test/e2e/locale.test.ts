// The built task pane in a German browser (outside Excel, so the browser's language sets the
// separators): "1.500" typed as a cost is fifteen hundred, "0,8" is 0.8 (0,8 % in a percent
// field), and every figure the pane derives from them agrees and is written with de-DE separators.
// One browser for the file; the tests run in order on one page, each building on the last.
import type { Page } from "playwright-core";
import { openTaskpane } from "./support/browser";
import { fieldMessage, showTab } from "./support/page";
import { browserSuite } from "./support/suite";

jest.setTimeout(60_000);

const suite = browserSuite({ locale: "de-DE" });
let page: Page;

beforeAll(() => ({ page } = suite));

afterEach(() => expect(suite.pageErrors).toEqual([]));

/** The message and aria-invalid of the text box with this exact name. */
const describedBy = (label: string) => fieldMessage(page.getByRole("textbox", { name: label, exact: true }));

const planning = () =>
  page.evaluate(() => JSON.parse(localStorage.getItem("agap.planning") ?? "null")) as Promise<{
    scenarios: { name: string; scores: number[] }[];
    roi: Record<string, unknown>[];
  } | null>;

/** A share as the pane shows it in de-DE: one decimal, a decimal comma. */
const percentDe = (share: number) => `${(share * 100).toFixed(1).replace(".", ",")}%`;

test("the browser speaks German", async () => {
  await openTaskpane(page, suite.server.url);
  await expect(page.evaluate(() => navigator.language)).resolves.toBe("de-DE");
});

test("Scenarios: 0,8 in a score field is 0,8 %, said so; figures in de-DE", async () => {
  await showTab(page, "Scenarios");
  const measurement = page.getByRole("textbox", { name: "Measurement %", exact: true });
  await measurement.waitFor();
  // Typed scores start at 50 % each: realized 0.5⁵ = 0.03125 → "3,1%".
  await expect(measurement.inputValue()).resolves.toBe("50");
  await expect(page.getByTestId("scenario-realized").textContent()).resolves.toBe("3,1%");
  expect(percentDe(0.5 ** 5)).toBe("3,1%");

  await measurement.fill("0,8");
  await expect(describedBy("Measurement %")).resolves.toEqual({
    description: "Read as 0,8%. For 80%, type 80.",
    invalid: false,
  });
  await expect(
    page.getByRole("slider", { name: "Measurement", exact: true }).getAttribute("aria-valuetext"),
  ).resolves.toBe("0,8%");
  await page.getByRole("textbox", { name: "Scenario name" }).fill("Messung 0,8");
  await page.getByRole("button", { name: "Save scenario" }).click();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("agap.planning") ?? "{}").scenarios?.length > 0);
  const [saved] = (await planning())!.scenarios;
  // 0,8 % is the score 0.008, read from its digits.
  expect(saved.scores).toEqual([0.5, 0.5, 0.5, 0.008, 0.5]);

  // A comma typed the English way is refused, with what to type here.
  await measurement.fill("12.5");
  await expect(describedBy("Measurement %")).resolves.toEqual({
    description: "Here the decimal separator is “,” and digits are grouped with “.” or a space: type 12,5.",
    invalid: true,
  });
  await measurement.fill("50");
  await expect(page.getByTestId("scenario-realized").textContent()).resolves.toBe("3,1%");
});

test("Plan to a target: 0,8 is already met at 3,1 %; 12,5 raises every layer to 66,0 %", async () => {
  const target = page.getByRole("textbox", { name: "Target realized value", exact: true });
  await target.fill("0,8");
  await expect(describedBy("Target realized value")).resolves.toEqual({
    description: "Read as 0,8%. For 80%, type 80.",
    invalid: false,
  });
  // 0.8 % ≤ 3.125 %: nothing to plan.
  await expect(page.getByText(/^Already met/).textContent()).resolves.toBe("Already met: realized value is 3,1%.");

  await target.fill("12,5");
  await expect(describedBy("Target realized value")).resolves.toEqual({ description: "", invalid: false });
  // Five layers at 0.5 all rise to L with L⁵ = 0.125: L = 0.125^(1/5) = 0.659754… → "66,0%".
  const level = Math.pow(0.125, 1 / 5);
  expect(level).toBeCloseTo(0.659754, 6);
  expect(percentDe(level)).toBe("66,0%");
  await expect(
    page.getByRole("list", { name: "Planned changes" }).getByRole("listitem").first().textContent(),
  ).resolves.toBe("Strategy Alignment: 50,0% → 66,0%");
  await expect(page.getByText(/^Every layer below/).textContent()).resolves.toMatch(
    /^Every layer below 66,0% rises to it; realized value becomes 12,5%\./,
  );
});

test("ROI: 1.500 as the build cost is 1500 and 0,8 periods is 0.8; the figures agree, in de-DE", async () => {
  await showTab(page, "ROI");
  const form = page.getByRole("form", { name: "ROI row" });
  await form.waitFor();
  const box = (name: string) => form.getByRole("textbox", { name, exact: true });
  await form.getByRole("combobox", { name: /^Workflow/ }).fill("Rechnungsprüfung");
  await form.getByRole("textbox", { name: /^Metric/ }).fill("Bearbeitungszeit");
  await box("Baseline value (per period)").fill("40");
  await box("Value now (per period)").fill("25");
  await box("Money per unit").fill("60");
  await box("Build cost").fill("1.500");
  await expect(describedBy("Build cost")).resolves.toEqual({
    description: "Read as one thousand five hundred (1500): here “.” groups thousands. For one point five, type 1,5.",
    invalid: false,
  });
  await box("Maintain cost per period").fill("50");
  await box("Periods observed").fill("0,8");
  await expect(describedBy("Periods observed")).resolves.toEqual({ description: "", invalid: false });
  await box("Horizon (periods)").fill("12");
  await box("Discount rate per period").fill("1");
  await form.getByRole("button", { name: "Add ROI row" }).click();

  const row = page.getByTestId("roi-row");
  await row.waitFor();
  // (40 − 25) × 60 = 900 a period; over 0.8 periods 720. Cost 1500 + 50 × 0.8 = 1540.
  // Measured ROI (720 − 1540) / 1540 = −820 / 1540 = −0.5324675… → "-53,2%". Read as 1.5, the
  // cost would be 1.5 + 40 = 41.5 and the ROI (720 − 41.5) / 41.5 = 16.349… → "1.634,9%".
  const roi = (900 * 0.8 - (1500 + 50 * 0.8)) / (1500 + 50 * 0.8);
  expect(roi).toBeCloseTo(-0.5324675, 7);
  expect(percentDe(roi)).toBe("-53,2%");
  await expect(row.getByTestId("measured-roi").textContent()).resolves.toBe("-53,2%");
  // NPV at 1 % over 12 periods: (900 − 50) × (1 − 1.01⁻¹²) / 0.01 − 1500 = 850 × 11.255077… − 1500
  // = 8066.82… → "8.067". Payback 1500 / 850 = 1.76… periods → "1,8".
  const npv = (850 * (1 - Math.pow(1.01, -12))) / 0.01 - 1500;
  expect(Math.round(npv)).toBe(8067);
  expect((1500 / 850).toFixed(1)).toBe("1.8");
  const rowText = await row.textContent();
  expect(rowText).toContain("8.067");
  expect(rowText).toMatch(/1,8 periods/);
  expect(rowText).not.toMatch(/8,067|1\.8 periods/);

  const [saved] = (await planning())!.roi;
  expect(saved).toMatchObject({ build: 1500, maintain: 50, periods: 0.8, horizon: 12, discountRate: 0.01 });

  // Opened again for editing, the fields read back as saved, in de-DE.
  await page.getByRole("button", { name: "Edit the ROI row “Rechnungsprüfung · Bearbeitungszeit”" }).click();
  await expect(box("Build cost").inputValue()).resolves.toBe("1500");
  await expect(box("Periods observed").inputValue()).resolves.toBe("0,8");
  await expect(box("Discount rate per period").inputValue()).resolves.toBe("1");
  await expect(describedBy("Periods observed")).resolves.toEqual({ description: "", invalid: false });
});
