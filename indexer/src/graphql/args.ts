/**
 * Arguments of the queries. Caps and formats live here (class-validator), checked by
 * ValidateArgs before a resolver runs.
 */
import { IsEnum, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { gql } from '../nest';
import { MAX_PAGE } from './limits';
import { JobStatus } from './models';

const { ArgsType, InputType, Field, Int, registerEnumType } = gql;

const ADDRESS = /^0x[0-9a-fA-F]{1,64}$/;
const AMOUNT = /^\d{1,78}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export enum JobOrder {
  CREATED_DESC = 'CREATED_DESC',
  CREATED_ASC = 'CREATED_ASC',
  PRICE_DESC = 'PRICE_DESC',
  PRICE_ASC = 'PRICE_ASC',
  BUDGET_DESC = 'BUDGET_DESC',
}
registerEnumType(JobOrder, { name: 'JobOrder' });

export enum WorkerOrder {
  SCORE = 'SCORE',
  STAKE = 'STAKE',
}
registerEnumType(WorkerOrder, { name: 'WorkerOrder', description: 'Highest first' });

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `1..${MAX_PAGE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  first = 20;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'after must be an endCursor returned by this connection' })
  after?: string;
}

@InputType()
export class JobFilter {
  @Field(() => JobStatus, { nullable: true })
  @IsOptional()
  @IsEnum(JobStatus)
  status?: JobStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ADDRESS, { message: 'poster must be a 0x-prefixed address' })
  poster?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ADDRESS, { message: 'worker must be a 0x-prefixed address' })
  worker?: string;

  @Field(() => String, { nullable: true, description: 'Smallest awarded price, inclusive (decimal)' })
  @IsOptional()
  @Matches(AMOUNT, { message: 'minPrice must be a non-negative decimal integer' })
  minPrice?: string;

  @Field(() => String, { nullable: true, description: 'Largest awarded price, inclusive (decimal)' })
  @IsOptional()
  @Matches(AMOUNT, { message: 'maxPrice must be a non-negative decimal integer' })
  maxPrice?: string;
}

@ArgsType()
export class JobsArgs extends PageArgs {
  @Field(() => JobFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => JobFilter)
  filter?: JobFilter;

  @Field(() => JobOrder, { defaultValue: JobOrder.CREATED_DESC })
  @IsEnum(JobOrder)
  orderBy: JobOrder = JobOrder.CREATED_DESC;
}

@ArgsType()
export class WorkersArgs extends PageArgs {
  @Field(() => WorkerOrder, { defaultValue: WorkerOrder.SCORE })
  @IsEnum(WorkerOrder)
  orderBy: WorkerOrder = WorkerOrder.SCORE;
}

@ArgsType()
export class WorkerEventsArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ADDRESS, { message: 'worker must be a 0x-prefixed address' })
  worker?: string;
}

@ArgsType()
export class AddressArgs {
  @Field(() => String)
  @Matches(ADDRESS, { message: 'address must be a 0x-prefixed address' })
  address!: string;
}

@ArgsType()
export class JobArgs {
  @Field(() => gql.ID)
  @Matches(/^\d{1,15}$/, { message: 'id must be a job id (a positive integer)' })
  id!: string;
}

@ArgsType()
export class MarketStatsArgs {
  @Field(() => String, { description: 'First day, YYYY-MM-DD (UTC)' })
  @Matches(DAY, { message: 'from must be a YYYY-MM-DD date' })
  from!: string;

  @Field(() => String, { description: 'Last day, inclusive; at most 366 days after from' })
  @Matches(DAY, { message: 'to must be a YYYY-MM-DD date' })
  to!: string;
}

/** A subscription's `sinceBlock`: where a reconnecting client left off (-1: from the start). */
function SinceBlock(): PropertyDecorator {
  return (target, key) => {
    Field(() => Int, {
      nullable: true,
      description: 'The last block you saw: changes after it are sent first',
    })(target, key);
    IsOptional()(target, key);
    IsInt()(target, key);
    Min(-1)(target, key);
  };
}

@ArgsType()
export class JobUpdatedArgs extends JobArgs {
  @SinceBlock()
  sinceBlock?: number;
}

@ArgsType()
export class JobsChangedArgs {
  @Field(() => JobFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => JobFilter)
  filter?: JobFilter;

  @SinceBlock()
  sinceBlock?: number;
}

@ArgsType()
export class BlockActivityArgs {
  @Field(() => Int, { defaultValue: 24, description: 'How many equal block ranges, 1..100' })
  @IsInt()
  @Min(1)
  @Max(100)
  buckets = 24;
}
