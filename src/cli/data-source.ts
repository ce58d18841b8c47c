/** For the TypeORM CLI and scripts: `typeorm -d dist/src/cli/data-source.js migration:run`. */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadCliConfig } from '../config/app-config';
import { databaseOptions } from '../database-options';
import { configOrExit } from '../process-lifecycle';

const config = configOrExit(loadCliConfig);
export default new DataSource(databaseOptions(config.databaseUrl, config.databasePoolSize));
