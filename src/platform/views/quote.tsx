// Text someone wrote (a message, a comment, a reviewer's note), quoted as they wrote it: one paragraph per
// line, escaped like any text.

export const Quote = (p: { text: string; class?: string | undefined; lang?: string | undefined }) => (
  <blockquote class={p.class} lang={p.lang}>
    {p.text.split('\n').map((line) => (
      <p>{line}</p>
    ))}
  </blockquote>
);
