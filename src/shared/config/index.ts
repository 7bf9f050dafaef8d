export { ConfigError, readConfig } from './env';
export { AfnemerGateEnv, AfnemerIdleMinutesEnv, HostConfig, readHostConfig } from './host';
export { ServerConfig, readServerConfig } from './server';
export { CliConfig, readCliConfig } from './cli';
