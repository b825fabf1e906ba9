/** Whether `source` compiles as a JavaScript regular expression (for schema refinements). */
export function isRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
