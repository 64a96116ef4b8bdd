package dev.casework.mongoserver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;

import de.bwaldvogel.mongo.MongoServer;

/**
 * Runs mongo-java-server on an H2 MVStore file as the local stack's MongoDB.
 *
 * <p>Usage: {@code Main --port <port> --data-dir <dir>}. Listens on 127.0.0.1 only and keeps everything in
 * {@code <dir>/casework.mv}. Protocol for launchers: once clients can connect, exactly one line
 * {@code mongo-server ready <mongodb uri>} goes to stdout; warnings and errors go to stderr. SIGTERM and SIGINT
 * stop the server, commit and close the store (the JVM then exits with 128 + the signal number).
 */
public final class Main {

    private static final String HOST = "127.0.0.1";
    private static final String STORE_FILE = "casework.mv";
    private static final String LOCK_FILE = "casework.lock";
    /** MVStore's page cache; the default 16 MB makes list queries over ~20k documents 30-50 times slower. */
    private static final int CACHE_MB = 256;
    /**
     * Documents per B-tree page, down from H2's 48: a write stores its whole page again, so smaller pages make
     * each commit cheaper and the file grow more slowly (measured: about 40% more updates per second).
     */
    private static final int KEYS_PER_PAGE = 8;
    /**
     * Netty event loops, which block while a command waits for the lock or for its commit: more of them let more
     * writes share one commit. Netty's default is two per CPU.
     */
    private static final int WORKER_THREADS = 16;
    /**
     * How long a chunk stays untouched after it is written, down from H2's 45 s. Every commit appends a chunk, so
     * the file holds about this much write history: measured under ~1000 updates/s, 140 MB rather than 560 MB. H2
     * keeps chunks that long so the OS has flushed newer ones before old space is reused (a hedge against power
     * loss, not against a killed process, whose writes the OS keeps).
     */
    private static final int RETENTION_MS = 10_000;

    private Main() {
    }

    public static void main(String[] args) {
        quietLogging();
        try {
            run(Options.parse(args));
        } catch (Exception e) {
            System.err.println("mongo-server: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(Options options) throws IOException {
        Files.createDirectories(options.dataDir());
        lockDataDir(options.dataDir());
        String file = options.dataDir().resolve(STORE_FILE).toAbsolutePath().toString();
        compact(file);

        MVStore store = new MVStore.Builder()
            .fileName(file)
            .cacheSize(CACHE_MB)
            .keysPerPage(KEYS_PER_PAGE)
            .compress()
            // Commits happen on writes only (see DurableH2Backend), never on a background thread.
            .autoCommitDisabled()
            .open();
        store.setRetentionTime(RETENTION_MS);
        DurableH2Backend backend = new DurableH2Backend(store);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(new InetSocketAddress(HOST, options.port()), 1, WORKER_THREADS);
        } catch (Exception e) { // Netty rethrows the BindException unchecked
            backend.close();
            throw new IOException("cannot listen on " + HOST + ":" + options.port() + ": " + rootMessage(e), e);
        }

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Closes the clients, then the backend, which commits and closes the store.
            server.shutdownNow();
        }, "shutdown"));

        System.out.println("mongo-server ready mongodb://" + HOST + ":" + server.getLocalAddress().getPort() + "/");
        System.out.flush();
    }

    /**
     * Holds a lock on the data dir until the process ends: compacting replaces the store file, which must never
     * happen under another server still using it.
     */
    private static void lockDataDir(Path dataDir) throws IOException {
        FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        if (channel.tryLock() == null) {
            channel.close();
            throw new IOException("another mongo-server is using " + dataDir.toAbsolutePath());
        }
    }

    /**
     * Rewrites the store into a fresh file holding only live data: under steady writes the file grows to many
     * times the data it holds. Copies to a temporary file and renames it over the original, so an interrupted
     * compaction leaves the original intact.
     */
    private static void compact(String file) {
        MVStoreTool.compactCleanUp(file);
        if (Files.exists(Path.of(file))) MVStoreTool.compact(file, true);
    }

    /** mongo-java-server and Netty log every connection at info level; only warnings and errors are worth showing. */
    private static void quietLogging() {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // Failed commands (a duplicate key, an unsupported operator) already reach the client as errors.
        System.setProperty("org.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire", "off");
        // Warns at every createIndexes, and again at every start, that non-unique indexes are not built.
        System.setProperty("org.slf4j.simpleLogger.log.de.bwaldvogel.mongo.backend.AbstractMongoDatabase", "error");
        // Warns at shutdown about the clients it disconnects.
        System.setProperty("org.slf4j.simpleLogger.log.de.bwaldvogel.mongo.MongoServer", "error");
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) cause = cause.getCause();
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    private record Options(int port, Path dataDir) {

        static Options parse(String[] args) {
            Integer port = null;
            Path dataDir = null;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--port" -> port = parsePort(value);
                    case "--data-dir" -> dataDir = value == null ? null : Path.of(value);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i] + usage());
                }
                i++;
            }
            if (port == null || dataDir == null) throw new IllegalArgumentException("missing arguments" + usage());
            return new Options(port, dataDir);
        }

        private static int parsePort(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65535) return port;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException("invalid port " + value + usage());
        }

        private static String usage() {
            return " (usage: --port <port> --data-dir <dir>)";
        }
    }
}
