// A few statements run on every request (the session check, the API key lookup, the rate-limit and usage
// counts). Through $queryRaw each one passes Prisma's query compiler and interpreter, about 0.1-0.2 ms of
// CPU and a string of promises that AsyncLocalStorage makes dearer inside the server; the driver adapter
// itself answers in a fifth of that (docs/benchmarks.md). These helpers hand such a statement straight to
// the adapter Prisma uses (the same SQLite connection or PostgreSQL pool, the same encoding of arguments,
// dates included), and return its rows as objects, as $queryRaw does. tests/unit/raw-queries.test.ts
// holds what they return to what the ORM returns.
export type SqlValue = string | number | Date | null;

type ArgType = { scalarType: "string" | "int" | "float" | "datetime" | "unknown"; arity: "scalar" };
type SqlQuery = { sql: string; args: SqlValue[]; argTypes: ArgType[] };
export type DirectAdapter = {
  readonly provider: string;
  queryRaw(query: SqlQuery): Promise<{ columnNames: string[]; rows: unknown[][] }>;
  executeRaw(query: SqlQuery): Promise<number>;
};

export type DirectSql = {
  rows<Row>(strings: TemplateStringsArray, ...values: SqlValue[]): Promise<Row[]>;
  execute(strings: TemplateStringsArray, ...values: SqlValue[]): Promise<number>;
};

function argTypeOf(value: SqlValue): ArgType {
  if (typeof value === "string") return { scalarType: "string", arity: "scalar" };
  if (typeof value === "number") return { scalarType: Number.isInteger(value) ? "int" : "float", arity: "scalar" };
  if (value instanceof Date) return { scalarType: "datetime", arity: "scalar" };
  return { scalarType: "unknown", arity: "scalar" };
}

function queryOf(provider: string, strings: TemplateStringsArray, values: SqlValue[]): SqlQuery {
  const placeholder = provider === "postgres" ? (i: number) => `$${i + 1}` : () => "?";
  const sql = strings.reduce((text, part, i) => (i === 0 ? part : `${text}${placeholder(i - 1)}${part}`), "");
  return { sql, args: values, argTypes: values.map(argTypeOf) };
}

// Errors keep the shape Prisma gives raw SQL failures (P2010 with the adapter's cause), so outage handling
// (lib/runtime/database-unavailable.ts) reads them the same way; a unique violation is P2002, as the ORM
// reports it, so isUniqueViolation() holds for a direct insert too.
function asPrismaError(error: unknown): unknown {
  const cause = (error as { cause?: { kind?: unknown } } | null)?.cause;
  if (!(error instanceof Error) || error.name !== "DriverAdapterError") return error;
  const code = cause?.kind === "UniqueConstraintViolation" ? "P2002" : "P2010";
  return Object.assign(new Error(`Raw query failed: ${error.message}`), { name: "PrismaClientKnownRequestError", code, meta: { driverAdapterError: { cause } } });
}

export function directSql(adapter: () => Promise<DirectAdapter>): DirectSql {
  return {
    async rows<Row>(strings: TemplateStringsArray, ...values: SqlValue[]) {
      const connected = await adapter();
      const result = await connected.queryRaw(queryOf(connected.provider, strings, values)).catch((error: unknown) => {
        throw asPrismaError(error);
      });
      return result.rows.map((row) => Object.fromEntries(result.columnNames.map((name, i) => [name, row[i]])) as Row);
    },
    async execute(strings: TemplateStringsArray, ...values: SqlValue[]) {
      const connected = await adapter();
      return connected.executeRaw(queryOf(connected.provider, strings, values)).catch((error: unknown) => {
        throw asPrismaError(error);
      });
    },
  };
}
