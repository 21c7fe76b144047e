// The damaged-data notice and the last-line error boundary: the pane never goes blank.
import { act, fireEvent, screen } from "@testing-library/react";
import { DamagedData, damagedFile } from "../../src/taskpane/DamagedData";
import { PaneErrorBoundary } from "../../src/taskpane/errors";
import { renderInPane } from "./render";

const copies = [
  { key: "agap.responses", text: "[{", problems: ["it is not readable JSON (Unexpected end)"] },
  {
    key: "agap.planning",
    text: "{}",
    problems: ["roi item 2: Horizon is 2.5", "maturity item 1: its stages are 9 and 4"],
  },
];

describe("DamagedData", () => {
  it("says what was left out and offers the damaged text and a fresh start", () => {
    const discarded = jest.fn();
    renderInPane(<DamagedData copies={copies} onDiscard={discarded} />);
    const alert = screen.getByRole("group", { name: "Some data saved in this browser was damaged" });
    expect(alert).toHaveTextContent("roi item 2: Horizon is 2.5");
    expect(screen.getByRole("button", { name: "Download it" })).toBeInTheDocument();
    // Without a download, discarding asks once more, in place.
    fireEvent.click(screen.getByRole("button", { name: "Discard it" }));
    expect(discarded).not.toHaveBeenCalled();
    expect(alert).toHaveTextContent("discarding it now loses it for good");
    fireEvent.click(screen.getByRole("button", { name: "Discard without a copy" }));
    expect(discarded).toHaveBeenCalledTimes(1);
  });

  it("shows nothing when nothing was damaged", () => {
    renderInPane(<DamagedData copies={[]} onDiscard={() => undefined} />);
    expect(screen.queryByRole("group")).not.toBeInTheDocument();
  });

  it("puts every damaged text, as it was, into the downloaded file", async () => {
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(damagedFile(copies));
    });
    expect(JSON.parse(text)).toEqual({ format: "agap-damaged-data", copies });
  });
});

describe("PaneErrorBoundary", () => {
  function Broken(): never {
    throw new Error("The scenarios could not be drawn");
  }

  it("shows the error instead of a blank pane", () => {
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    renderInPane(
      <PaneErrorBoundary fallback={(error) => <p role="alert">Stopped: {(error as Error).message}</p>}>
        <Broken />
      </PaneErrorBoundary>,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("Stopped: The scenarios could not be drawn");
    quiet.mockRestore();
  });

  it("renders its children when nothing fails", async () => {
    await act(async () => {
      renderInPane(
        <PaneErrorBoundary fallback={() => <p>failed</p>}>
          <p>fine</p>
        </PaneErrorBoundary>,
      );
    });
    expect(screen.getByText("fine")).toBeInTheDocument();
  });
});
