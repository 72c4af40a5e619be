/** Caps on the WebSocket side (subscriptions); from the indexer config (see the README). */
export interface LiveLimits {
  /** Open WebSocket connections per HTTP process; one more is refused with 503 at the upgrade. */
  maxConnections: number;
  /** Subscriptions one connection may hold at once; one more is answered with an error message. */
  maxSubscriptionsPerConnection: number;
  /** Messages a client may send per second (burst the same); beyond, the connection is closed 4429. */
  messagesPerSecond: number;
  /** Bytes queued unsent to one client; a client that stops reading is closed 4413 past this. */
  maxBufferedBytes: number;
}

export function liveLimitsFromConfig(cfg: {
  maxWsConnections: number;
  maxSubscriptionsPerConnection: number;
  wsMessagesPerSecond: number;
  wsMaxBufferedBytes: number;
}): LiveLimits {
  return {
    maxConnections: cfg.maxWsConnections,
    maxSubscriptionsPerConnection: cfg.maxSubscriptionsPerConnection,
    messagesPerSecond: cfg.wsMessagesPerSecond,
    maxBufferedBytes: cfg.wsMaxBufferedBytes,
  };
}
