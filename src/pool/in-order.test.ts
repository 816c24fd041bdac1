import { describe, expect, it } from "vitest";
import { inOrder } from "./in-order.js";

/** A task that finishes when told to, recording how many were running at once. */
function tasks() {
  const finish = new Map<number, (value: string) => void>();
  const fail = new Map<number, (error: Error) => void>();
  let running = 0;
  let most = 0;
  const start = (n: number) => {
    running += 1;
    most = Math.max(most, running);
    return new Promise<string>((resolve, reject) => {
      finish.set(n, (value) => { running -= 1; resolve(value); });
      fail.set(n, (error) => { running -= 1; reject(error); });
    });
  };
  return { start, finish, fail, most: () => most };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("inOrder", () => {
  it("yields results in the items' order, whatever order they finish in", async () => {
    const t = tasks();
    const got: string[] = [];
    const done = (async () => { for await (const value of inOrder([0, 1, 2, 3, 4], t.start, 3)) got.push(value); })();
    await tick();
    t.finish.get(2)?.("c");
    t.finish.get(1)?.("b");
    await tick();
    expect(got).toEqual([]); // the first is not done yet
    t.finish.get(0)?.("a");
    await tick();
    expect(got).toEqual(["a", "b", "c"]);
    t.finish.get(4)?.("e");
    t.finish.get(3)?.("d");
    await done;
    expect(got).toEqual(["a", "b", "c", "d", "e"]);
    expect(t.most()).toBe(3);
  });

  it("keeps at most `window` items started and unfinished, and reads no further ahead", async () => {
    const t = tasks();
    let read = 0;
    function* source() {
      for (let i = 0; i < 10; i++) {
        read += 1;
        yield i;
      }
    }
    const done = (async () => { for await (const _ of inOrder(source(), t.start, 2)) await tick(); })();
    await tick();
    expect(read).toBe(2);
    for (let i = 0; i < 10; i++) {
      t.finish.get(i)?.(String(i));
      await tick();
      await tick();
    }
    await done;
    expect([read, t.most()]).toEqual([10, 2]);
  });

  it("throws a failure where its item's result would come, after the ones before it", async () => {
    const t = tasks();
    const got: string[] = [];
    const done = (async () => { for await (const value of inOrder([0, 1, 2], t.start, 3)) got.push(value); })();
    await tick();
    t.fail.get(1)?.(new Error("second failed"));
    t.finish.get(2)?.("c");
    await tick();
    t.finish.get(0)?.("a");
    await expect(done).rejects.toThrow("second failed");
    expect(got).toEqual(["a"]);
  });
});
