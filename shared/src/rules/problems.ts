/** One thing wrong with one field: `message` is a stable code the web translates. */
export interface FieldProblem {
  path: string;
  message: string;
}
