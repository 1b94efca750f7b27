// problem+json (RFC 9457) answers as one typed error the pages can branch on.
import type { Problem } from '@torch/shared';

export type FieldProblem = NonNullable<Problem['errors']>[number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(detail || title);
    this.name = 'ApiError';
  }

  static signedOut() {
    return new ApiError(401, 'Unauthorized', 'Sign in first');
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    let problem: Partial<Problem> = {};
    try {
      problem = (await response.json()) as Partial<Problem>;
    } catch {
      // A proxy or a crash answered with something that is not JSON: keep the status.
    }
    return new ApiError(
      response.status,
      problem.title ?? response.statusText,
      problem.detail ?? '',
      Array.isArray(problem.errors) ? problem.errors : [],
    );
  }

  get isStaleVersion() {
    return this.status === 409 && this.errors.some((e) => e.message === 'stale_version');
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
