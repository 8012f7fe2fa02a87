import { keccak_256 } from '@noble/hashes/sha3';
import { createKeccak, type IHasher } from 'hash-wasm';

/**
 * keccak-256 over bytes. Pure JavaScript (noble) until `loadFastKeccak()` has loaded the WebAssembly version,
 * which is about 20× faster here: offer ids and Merkle trees of 10,000 posts spent seconds in noble's keccak.
 * Both give the same digest (tested); callers that hash in bulk await `loadFastKeccak()` first.
 */
let wasm: IHasher | null = null;
let loading: Promise<void> | null = null;

export function keccakBytes(data: Uint8Array): Uint8Array {
  if (wasm) {
    wasm.init();
    wasm.update(data);
    return wasm.digest('binary');
  }
  return keccak_256(data);
}

/** Load the WebAssembly keccak once; where WebAssembly is unavailable, noble stays in use. */
export function loadFastKeccak(): Promise<void> {
  loading ??= createKeccak(256).then(
    (h) => {
      wasm = h;
    },
    () => undefined,
  );
  return loading;
}
