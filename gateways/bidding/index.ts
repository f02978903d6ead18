export { biddingGateway } from './gateway.js';
