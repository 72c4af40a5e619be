export { EMPTY_SOURCE, TransferGrants, type Authorizer, type BlobSource } from './access';
export { BlobClient, type FetchOptions } from './client';
export { TransferError, isTransferError, type TransferErrorCode } from './errors';
export { BlobStatus, CHUNK_BYTES, blobProtocol, isSha256Hex } from './protocol';
export { BlobServer, type BlobServerStats } from './server';
export { TRANSFER_AUTHORIZER, TRANSFER_BLOB_SOURCE, TransferModule } from './transfer.module';
export { TransferService } from './transfer.service';
