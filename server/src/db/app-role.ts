/** The role the server serves as (drizzle/0017): owns nothing, sees rows by scope. */
export const APP_ROLE_NAME = 'torch_app';
