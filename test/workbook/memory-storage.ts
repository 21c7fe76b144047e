// The browser's storage for the local stores' tests: the Web Storage calls they use, in memory.
import type { KeyValueStorage } from "../../src/workbook/local-store";

export function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}
