// JSON value types for the chart specifications and notebook cells this folder writes.

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
