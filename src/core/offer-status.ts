/** Where one post's licensing offer stands, as the popup shows it. */
export type OfferStatus =
  /** Opted in, not published yet: `reason` says what it waits for ("Unlock your wallet", "Registry unreachable…"). */
  | { state: 'waiting'; reason: string; since: string }
  /** Signed and served by the registry. */
  | { state: 'published'; offerId: string; batchId: string; at: string }
  /** Opted out: the revocation is waiting to reach the registry. */
  | { state: 'withdrawing'; offerId: string; reason: string; since: string }
  /** Opted out and the registry no longer serves it. */
  | { state: 'withdrawn'; offerId: string; at: string }
  /** The registry refused it; `reason` is its message. Changing the post's terms or opting in again retries. */
  | { state: 'error'; reason: string; at: string };
