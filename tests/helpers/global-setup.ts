// Once per run: with DATABASE_URL (a real PostgreSQL), migrate a template database that every
// test file clones in milliseconds (CREATE DATABASE … TEMPLATE). Without it, files use PGlite.

import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDb } from '../../server/src/db/client';
import { migrateDb } from '../../server/src/db/migrate';
import { databaseUrlFor } from './database-url';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string | null;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    project.provide('templateDatabase', null);
    return;
  }
  const template = `torch_tpl_${process.pid}_${project.name}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${template}`);
  await admin.unsafe(`create database ${template}`);
  const database = await openDb({ url: databaseUrlFor(url, template), max: 1 });
  await migrateDb(database);
  await database.close();
  project.provide('templateDatabase', template);

  return async () => {
    // Drop the template and every clone this run made (named after the template).
    const clones = await admin<
      { datname: string }[]
    >`select datname from pg_database where datname like ${`${template}%`}`;
    for (const { datname } of clones) await admin.unsafe(`drop database if exists ${datname} with (force)`);
    await admin.end();
  };
}
