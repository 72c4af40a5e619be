/* eslint-disable @typescript-eslint/ban-ts-comment -- AssemblyScript, compiled by asc (examples/build.ts), not by tsc */
// @ts-nocheck
/**
 * The WASI imports the examples use. AssemblyScript imports a file's declared functions from a
 * module named after the file, so this file's name is the WASI module name (no decorators,
 * which TypeScript tooling cannot parse on functions).
 */
export declare function fd_read(fd: i32, iovs: usize, iovsLen: i32, nread: usize): i32;
export declare function fd_write(fd: i32, iovs: usize, iovsLen: i32, nwritten: usize): i32;
export declare function args_sizes_get(argc: usize, bufSize: usize): i32;
export declare function args_get(argv: usize, buf: usize): i32;
export declare function proc_exit(code: i32): void;
