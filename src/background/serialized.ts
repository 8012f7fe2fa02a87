const tails = new Map<string, Promise<unknown>>();

/**
 * Run `fn` after every earlier call with the same key has settled, so two messages about one post cannot
 * interleave their read-modify-write. Holds nothing that matters: if the worker dies, storage is the truth.
 */
export function serialized<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const prev = tails.get(key) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}

/** One lock for every write to posts and the outbox: each post write also rewrites the shared post index. */
export const POSTS_LOCK = 'posts';

export function withPosts<T>(fn: () => Promise<T>): Promise<T> {
  return serialized(POSTS_LOCK, fn);
}
