export { biddingGateway, BIDDING_SUBJECT_LINKS } from './biddingGateway.js';
export { createBiddingSubschema } from './createBiddingSubschema.js';
export { startBiddingSandbox } from './sandbox/startBiddingSandbox.js';
