// Problem responses every route may give, for the OpenAPI document and the serializer.
import { Problem } from '@torch/shared';

// 503: the database is away or the server is shedding load (Retry-After says when to try again).
export const readProblems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 503: Problem } as const;
export const writeProblems = { ...readProblems, 409: Problem, 413: Problem, 422: Problem } as const;
