import { BlockEntity, IngestStateEntity, UndoEntity } from './ingest-state.entity';
import { JobEntity } from './job.entity';
import { MarketStatsEntity } from './market-stats.entity';
import { RawEventEntity } from './raw-event.entity';
import { ReputationEventEntity } from './reputation-event.entity';
import { SlashEntity } from './slash.entity';
import { StakeEventEntity } from './stake-event.entity';
import { WorkerEntity } from './worker.entity';

export * from './ingest-state.entity';
export * from './job.entity';
export * from './market-stats.entity';
export * from './raw-event.entity';
export * from './reputation-event.entity';
export * from './slash.entity';
export * from './stake-event.entity';
export * from './worker.entity';

export const ENTITIES = [
  JobEntity,
  WorkerEntity,
  RawEventEntity,
  StakeEventEntity,
  SlashEntity,
  ReputationEventEntity,
  MarketStatsEntity,
  IngestStateEntity,
  BlockEntity,
  UndoEntity,
];
