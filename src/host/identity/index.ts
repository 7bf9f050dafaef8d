export {
  DEVICE_IDENTITY_FILE,
  deviceIdOf,
  IdentityError,
  loadDeviceIdentity,
  type DeviceIdentity,
} from './device-identity';
