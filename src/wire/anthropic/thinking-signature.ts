/**
 * The `signature` of a thinking block: the reasoning itself, base64-encoded. The emulator keeps no
 * state, so a block sent back with its thinking omitted (`display: "omitted"`, as Claude Code asks)
 * still carries the reasoning the next turn must send back. Real signatures are opaque; clients only
 * pass them back unchanged.
 */
export function signatureOf(reasoning: string): string {
  return Buffer.from(reasoning, 'utf8').toString('base64');
}

/** The reasoning a thinking block stands for: its text, else what its signature encodes, else the signature itself. */
export function reasoningOfBlock(thinking: string, signature: string): string {
  if (thinking !== '') return thinking;
  const decoded = Buffer.from(signature, 'base64').toString('utf8');
  return decoded !== '' && signatureOf(decoded) === signature ? decoded : signature;
}
