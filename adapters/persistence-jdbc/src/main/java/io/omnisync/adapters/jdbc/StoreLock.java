package io.omnisync.adapters.jdbc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * One process owns a store at a time. The owner holds an OS lock on {@code <store>.lock} beside
 * the store (FileChannel.tryLock) and writes its process id there, so a second process is told
 * who owns it. The lock goes with the process, however it ends (kill -9 included), so a lock file
 * left behind never blocks anyone; it is not deleted (deleting it would let two processes lock two
 * different files of the same name).
 * <p>A lock file rather than SQLite's own exclusive locking mode: it is taken before SQLite or
 * Flyway touch the store (so a refused process changes nothing, not even a {@code -wal} file),
 * it fails at once instead of after SQLite's busy timeout, and it can say which process owns the
 * store. Locking the database file itself is out: SQLite uses POSIX locks on it, which a second
 * lock from the same process would silently release.
 */
final class StoreLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path fileFor(Path store) {
        return store.resolveSibling(store.getFileName() + ".lock");
    }

    /**
     * Takes the store, or says who has it.
     *
     * @throws StoreInUseException when another process (or another open store of this one) holds it
     * @throws StoreException when the lock file cannot be created or written
     */
    static StoreLock take(Path store) {
        Path file = fileFor(store);
        FileChannel channel;
        try {
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException(
                    store + ": cannot create the lock file " + file + " (" + IoWords.of(e) + "); nothing was changed",
                    e);
        }
        try {
            FileLock lock;
            boolean here = false;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException alreadyOurs) {
                lock = null;
                here = true;
            }
            if (lock == null) {
                OptionalLong owner =
                        here ? OptionalLong.of(ProcessHandle.current().pid()) : owner(channel);
                throw new StoreInUseException(
                        store + " is in use by "
                                + (owner.isPresent() ? "process " + owner.getAsLong() : "another process")
                                + (here ? " (this one: the store is already open here)" : "")
                                + "; one process owns a store at a time, so nothing was changed",
                        owner);
            }
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.force(false);
            return new StoreLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException(store + ": cannot lock the store (" + IoWords.of(e) + "); nothing was changed", e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static OptionalLong owner(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel is closed next, which releases the lock all the same
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do: the process' end releases the lock anyway
        }
    }
}
