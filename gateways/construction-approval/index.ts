export { constructionApprovalGateway } from './gateway.js';
