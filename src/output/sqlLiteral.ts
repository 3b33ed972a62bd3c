// A SQL string literal, for the file names and column names dv2g hands DuckDB.

export function sqlLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
