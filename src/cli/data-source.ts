/** For the TypeORM CLI and scripts: `typeorm -d dist/src/cli/data-source.js migration:run`. */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseOptions } from '../database-options';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required');
  process.exit(1);
}
export default new DataSource(databaseOptions(url));
