import { phraseWords } from './wallet-text';

/** The words of a recovery phrase, numbered, in reading order (down the first column, then the second). */
export function PhraseList({ mnemonic }: { mnemonic: string }) {
  const words = phraseWords(mnemonic);
  return (
    <ol className="phrase" aria-label="Recovery phrase" style={{ gridTemplateRows: `repeat(${Math.ceil(words.length / 2)}, auto)` }}>
      {words.map((word, i) => (
        <li key={i}>
          <span className="n" aria-hidden="true">
            {i + 1}.
          </span>{' '}
          <span className="word">{word}</span>
        </li>
      ))}
    </ol>
  );
}
