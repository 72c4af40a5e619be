import { JobEntity } from './job.entity';
import { WorkerEntity } from './worker.entity';
import { RawEventEntity } from './raw-event.entity';
import { StakeEventEntity } from './stake-event.entity';
import { SlashEntity } from './slash.entity';
import { ReputationEventEntity } from './reputation-event.entity';
import { MarketStatsEntity } from './market-stats.entity';
import { BlockEntity, IngestStateEntity, UndoEntity } from './ingest-state.entity';

export {
  JobEntity,
  WorkerEntity,
  RawEventEntity,
  StakeEventEntity,
  SlashEntity,
  ReputationEventEntity,
  MarketStatsEntity,
  BlockEntity,
  IngestStateEntity,
  UndoEntity,
};

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
