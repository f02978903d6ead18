export { govServiceGateway } from './govServiceGateway.js';
