/**
 * JSON keeps the last of two equal keys without a word: package.json once declared `docs:images`
 * twice (two branches added it), and the README's command silently did half its job.
 */
import * as fs from "fs";
import * as path from "path";

/** Keys declared more than once in the same object of a JSON text. */
function duplicateKeys(text: string): string[] {
  const found: string[] = [];
  const stack: Set<string>[] = [];
  const token = /"(?:[^"\\]|\\.)*"\s*:?|[{}[\]]/g;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    const t = m[0];
    if (t === "{") stack.push(new Set());
    else if (t === "}") stack.pop();
    else if (t.endsWith(":") && stack.length) {
      const key = JSON.parse(t.slice(0, -1).trim()) as string;
      const keys = stack[stack.length - 1];
      if (keys.has(key)) found.push(key);
      keys.add(key);
    }
  }
  return found;
}

test("package.json declares each key once", () => {
  const text = fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8");
  expect(duplicateKeys('{"a": 1, "b": {"a": 2}, "a": 3}')).toEqual(["a"]);
  expect(duplicateKeys(text)).toEqual([]);
});
