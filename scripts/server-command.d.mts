// Types of server-command.mjs for the TypeScript that starts the server (bench, browser tests).
export declare const SERVER_NODE_FLAGS: readonly string[];
export declare function serverNodeArgs(env?: NodeJS.ProcessEnv): Promise<string[]>;
