/**
 * The contracts' revert reasons (contracts/src/*\/errors.cairo) in words: what happened and,
 * where there is one, what to do. A reason not listed is shown as the contract wrote it.
 */
const REASONS: Record<string, string> = {
  'Job is not open':
    'the job is no longer open (a worker was awarded it, or it ended); only an open job can be cancelled',
  'Job is not submitted':
    'the job has no submitted result waiting for review; only a submitted job can be disputed',
  'Job is not disputed': 'the job is not under dispute, so there is nothing to rule on',
  'Job is not awarded': 'the job is not awarded to a worker at the moment',
  'Job is not accepted': 'the worker has not accepted the job',
  'Unknown job': 'the market has no job with this id',
  'Caller is not the poster': 'this account did not post the job; only its poster may do this',
  'Caller is not the worker': 'this account is not the worker the job is awarded to',
  'Caller is not the arbiter': "this account is not the job's arbiter",
  'Review window is over':
    'the review window has passed: the worker may claim its pay, a dispute is too late',
  'Review window still open': 'the review window is still open',
  'Resolution window is over': "the arbiter's time to rule has passed; the dispute settles for the worker",
  'Price exceeds budget': 'the price is above the escrowed budget',
  'Price below minimum': 'the price is below the market minimum',
  'Budget must be positive': 'the budget must be more than zero',
  'Budget too large': 'the budget must be below 2^123 (about 1.06e19 STRK)',
  'Insufficient free stake':
    'the free stake (staked, less locked collateral and what is being unstaked) is smaller than the amount',
  'No pending unstake': 'nothing is being unstaked: request it first with `cairn worker unstake AMOUNT`',
  'Unstake cooldown not over': 'the unstaked amount is still in its cooldown; withdraw once it is over',
  'Amount must be positive': 'the amount must be more than zero',
  'Worker has no stake': 'the account has no stake',
  'Worker is unstaking': 'the account is unstaking',
  'Worker is suspended': 'the account is suspended after a slash',
  'Award consent expired': "the worker's award consent expired before the award",
  'Award consent not valid': "the worker's award consent signature does not check",
  'ERC20: insufficient balance': 'the account does not hold enough STRK',
  'u256_sub Overflow': 'the account does not hold enough STRK (or allowance) for this',
};

/** "Job is not open" -> "Job is not open: the job is no longer open (...)". */
export function reasonInWords(reason: string): string {
  const words = REASONS[reason];
  return words ? `${words} (the contract said: ${reason})` : `the contract said: ${reason}`;
}
