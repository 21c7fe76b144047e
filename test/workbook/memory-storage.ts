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

/**
 * The same storage, full when told: while `full` is set, every write throws the DOMException a
 * browser throws past its quota and changes nothing, as setItem does. Clearing `full` is space freed.
 */
export function fullableStorage(): ReturnType<typeof memoryStorage> & { full: boolean; refused: number } {
  const storage = memoryStorage();
  const fullable = {
    ...storage,
    full: false,
    refused: 0,
    setItem: (key: string, value: string) => {
      if (fullable.full) {
        fullable.refused += 1;
        throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, "QuotaExceededError");
      }
      storage.setItem(key, value);
    },
  };
  return fullable;
}
