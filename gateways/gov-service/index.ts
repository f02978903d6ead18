export { govServiceGateway } from './gateway.js';
