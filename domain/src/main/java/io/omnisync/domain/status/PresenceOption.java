package io.omnisync.domain.status;

/** A presence status either lets work arrive on its channels (ONLINE) or stops all new work (BUSY). */
public enum PresenceOption {
    ONLINE,
    BUSY
}
