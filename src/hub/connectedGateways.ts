import { biddingGateway } from '../../gateways/bidding/index.js';
import { constructionApprovalGateway } from '../../gateways/construction-approval/index.js';
import { govServiceGateway } from '../../gateways/gov-service/index.js';
import type { Gateway } from '../../gateways/shared/index.js';

/** The platforms the hub connects to, in the order their subschemas are stitched. */
export const CONNECTED_GATEWAYS: readonly Gateway[] = [govServiceGateway, constructionApprovalGateway, biddingGateway];
