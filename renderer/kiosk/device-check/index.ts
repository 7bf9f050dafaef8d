export { DeviceCheckScreen } from './DeviceCheckScreen';
