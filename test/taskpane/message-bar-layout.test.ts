// Every MessageBar in the pane is laid out multiline from its first render. Fluent's automatic
// layout starts on one line and reflows only once a ResizeObserver has measured it: until then a
// long message stretched the page sideways (780 px in a 320 px pane, caught by the narrow-pane
// browser test on a busy machine).
import fs from "fs";
import path from "path";

const SRC = path.resolve(__dirname, "../../src/taskpane");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(file) : /\.tsx$/.test(entry.name) ? [file] : [];
  });
}

/** Each `<MessageBar …>` opening tag in a source, with its file, up to its closing ">". */
function messageBars(): { file: string; tag: string }[] {
  return sources(SRC).flatMap((file) => {
    const text = fs.readFileSync(file, "utf8");
    return [...text.matchAll(/<MessageBar\b[^>]*>/g)].map((m) => ({ file: path.relative(SRC, file), tag: m[0] }));
  });
}

test('every MessageBar sets layout="multiline"', () => {
  const bars = messageBars();
  // The Notice wrapper and the three planning warnings, at least.
  expect(bars.length).toBeGreaterThanOrEqual(4);
  expect(bars.filter((bar) => !/\blayout="multiline"/.test(bar.tag))).toEqual([]);
});
