// chain/: the LicenseExchange contract's typed bindings and its deployment; safe to bundle into the extension.
// anvil.ts is Node-only (it spawns a process): import it from './anvil' directly so it never reaches a bundle.
export { abi as licenseExchangeAbi, bytecode as licenseExchangeBytecode } from './generated/LicenseExchange';
export { abi as testStablecoinAbi, bytecode as testStablecoinBytecode } from './generated/TestStablecoin';
export { deployExchange, deployLocalStack } from './deploy';
export type { DeployExchangeParameters, DeployExchangeReturnType, DeployLocalStackReturnType, DeployedContract } from './deploy';
