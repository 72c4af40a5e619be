// The slice of the ERC20 ABI cairn calls (the OpenZeppelin snake_case interface, which the
// devnet's predeployed STRK implements). Written by hand: the token is not built here. Written
// as the generated modules beside it are, an entry a line and an interface's functions one a line.
export const Erc20Abi = [
  { type: 'struct', name: 'core::integer::u256', members: [{ name: 'low', type: 'core::integer::u128' }, { name: 'high', type: 'core::integer::u128' }] },
  { type: 'enum', name: 'core::bool', variants: [{ name: 'False', type: '()' }, { name: 'True', type: '()' }] },
  { type: 'interface', name: 'openzeppelin_interfaces::token::erc20::IERC20', items: [
    { type: 'function', name: 'balance_of', inputs: [{ name: 'account', type: 'core::starknet::contract_address::ContractAddress' }], outputs: [{ type: 'core::integer::u256' }], state_mutability: 'view' },
    { type: 'function', name: 'allowance', inputs: [{ name: 'owner', type: 'core::starknet::contract_address::ContractAddress' }, { name: 'spender', type: 'core::starknet::contract_address::ContractAddress' }], outputs: [{ type: 'core::integer::u256' }], state_mutability: 'view' },
    { type: 'function', name: 'transfer', inputs: [{ name: 'recipient', type: 'core::starknet::contract_address::ContractAddress' }, { name: 'amount', type: 'core::integer::u256' }], outputs: [{ type: 'core::bool' }], state_mutability: 'external' },
    { type: 'function', name: 'approve', inputs: [{ name: 'spender', type: 'core::starknet::contract_address::ContractAddress' }, { name: 'amount', type: 'core::integer::u256' }], outputs: [{ type: 'core::bool' }], state_mutability: 'external' },
  ] },
] as const;
