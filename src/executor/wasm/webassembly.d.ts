/* eslint-disable no-var, @typescript-eslint/no-empty-object-type -- declarations in lib.dom's style */
/**
 * The WebAssembly JS API, which TypeScript declares only in lib.dom (this project compiles
 * against ES2023 + @types/node, which has none). The subset the sandbox, prover and benchmarks
 * use, after lib.dom.d.ts. Remove this file if the project ever adds "dom" to `lib`.
 */
declare namespace WebAssembly {
  type ImportValue = ExportValue | number | bigint;
  type ExportValue = ((...args: never[]) => unknown) | Global | Memory | Table;
  type ModuleImports = Record<string, ImportValue>;
  type Imports = Record<string, ModuleImports>;
  type Exports = Record<string, ExportValue>;

  interface CompileError extends Error {}
  var CompileError: { prototype: CompileError; new (message?: string): CompileError };
  interface LinkError extends Error {}
  var LinkError: { prototype: LinkError; new (message?: string): LinkError };
  interface RuntimeError extends Error {}
  var RuntimeError: { prototype: RuntimeError; new (message?: string): RuntimeError };

  interface Global {
    value: unknown;
  }
  var Global: {
    prototype: Global;
    new (descriptor: { value: 'i32' | 'i64' | 'f32' | 'f64'; mutable?: boolean }, v?: unknown): Global;
  };

  interface Memory {
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  var Memory: { prototype: Memory; new (descriptor: { initial: number; maximum?: number }): Memory };

  interface Table {
    readonly length: number;
  }

  interface Module {}
  var Module: { prototype: Module; new (bytes: Uint8Array | ArrayBuffer): Module };

  interface Instance {
    readonly exports: Exports;
  }
  var Instance: { prototype: Instance; new (module: Module, importObject?: Imports): Instance };

  function validate(bytes: Uint8Array | ArrayBuffer): boolean;
  function compile(bytes: Uint8Array | ArrayBuffer): Promise<Module>;
}
