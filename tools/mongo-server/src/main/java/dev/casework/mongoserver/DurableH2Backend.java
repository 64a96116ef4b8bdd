package dev.casework.mongoserver;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend, made durable and safe under concurrency.
 *
 * <p>Stock H2Backend leaves committing to MVStore's background thread (about once a second), so a write it has
 * acknowledged is lost when the process is killed. Here no reply to a command that may write goes out before the
 * store has been committed with that command's changes.
 *
 * <p>Writes also run alone: mongo-java-server updates the document objects held in MVStore's pages in place, so a
 * commit serializing those pages while another write mutates them could store (or a reader could see) half an
 * update. Hence one lock: commands that only read share it, anything else takes it exclusively (commands not known
 * to be reads count as writes), and so does every commit. The store must be opened with auto-commit disabled, so
 * that no background thread serializes pages behind the lock's back. Replies are deep copies made under the lock,
 * because Netty encodes them after this method returns.
 *
 * <p>Commits are grouped: a write applies its change, lets go of the lock, then waits until a commit covers it;
 * the first waiter commits everything applied so far, and the writers behind it find their change already
 * committed. Under concurrent writes that saves most commits (each appends a chunk to the file). A reader may see a
 * change whose commit is still under way, as with MongoDB's default read concern; a later write never commits
 * without it.
 */
final class DurableH2Backend extends H2Backend {

    /** Lower-case names of the commands that never change the store. */
    private static final Set<String> READ_COMMANDS = Set.of(
        "find", "getmore", "count", "distinct", "aggregate", "explain", "listcollections", "listindexes",
        "listdatabases", "dbstats", "collstats", "ismaster", "hello", "ping", "buildinfo", "serverstatus", "hostinfo",
        "whatsmyuri", "getlasterror", "getlog", "getcmdlineopts", "getparameter", "getfreemonitoringstatus",
        "connectionstatus", "killcursors", "endsessions");

    /**
     * What the server reports in its handshake: mongo-java-server's newest (5.0) claims wire version 8, and the
     * Node.js driver 7 refuses anything below 9 (MongoDB 4.4). Claiming 4.4 asks for no newer protocol features.
     */
    private static final MongoVersion REPORTED_VERSION = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return List.of(4, 4, 0);
        }

        @Override
        public int getWireVersion() {
            return 9;
        }
    };

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Serializes committers, so that writers waiting behind one find their change committed by it. */
    private final Object committing = new Object();
    /** Writes applied so far (under the exclusive lock), and how many of them the last commit covered. */
    private long applied;
    private volatile long committed;

    DurableH2Backend(MVStore store) {
        super(store);
        version(REPORTED_VERSION);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (isRead(command, query)) {
            lock.readLock().lock();
            try {
                return copy(super.handleCommand(channel, databaseName, command, query));
            } finally {
                lock.readLock().unlock();
            }
        }
        lock.writeLock().lock();
        try {
            return copy(super.handleCommand(channel, databaseName, command, query));
        } finally {
            // Also when the command failed: whatever part of it was applied is visible now, so it must be committed.
            long ticket = ++applied;
            lock.writeLock().unlock();
            awaitCommitted(ticket);
        }
    }

    private void awaitCommitted(long ticket) {
        synchronized (committing) {
            if (committed >= ticket) return;
            lock.writeLock().lock();
            try {
                long upTo = applied;
                commit();
                committed = upTo;
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    private static Document copy(Document response) {
        return response == null ? null : response.cloneDeeply();
    }

    private static boolean isRead(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (!READ_COMMANDS.contains(name)) return false;
        // An aggregation that ends in $out or $merge writes a collection.
        return !name.equals("aggregate") || !(query.get("pipeline") instanceof List<?> stages)
            || stages.stream().noneMatch(stage -> stage instanceof Document document
                && (document.containsKey("$out") || document.containsKey("$merge")));
    }

    /** Waits for the command in flight, then commits and closes the store. */
    @Override
    public void close() {
        synchronized (committing) {
            lock.writeLock().lock();
            try {
                if (!getMvStore().isClosed()) super.close();
            } finally {
                lock.writeLock().unlock();
            }
        }
    }
}
