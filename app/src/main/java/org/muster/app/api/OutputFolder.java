package org.muster.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The folder one run writes into, held for the run: Muster never mixes its files with files it did not
 * write in this run, never overwrites what it did not write, and never lets two runs write into one folder.
 *
 * <p>{@link #claim} takes a lock ({@value #LOCK_FILE}, holding the process id) before anything else, so a
 * second run into a folder in use is refused; then it refuses a folder that holds files: with
 * {@code overwrite}, files an earlier Muster run wrote there (those its {@code run.json} lists, or, for a
 * run killed before it listed them, files bearing Muster's own names) are removed first, but any other
 * file makes the folder unusable. Every refusal is an {@link IllegalArgumentException} naming the folder
 * and the reason, raised before anything is fitted.
 */
public final class OutputFolder implements AutoCloseable {

    /** The lock file of a folder in use, holding the process id of the run that holds it. */
    public static final String LOCK_FILE = ".muster.lock";

    /** The run record's file name, which lists the files its run wrote. */
    public static final String RUN_RECORD = "run.json";

    /** Names of the files Muster writes (and their temporary names while being written). */
    private static final Pattern MUSTER_NAMES = Pattern.compile("(draws_\\d+\\.csv|summary\\.csv|summary\\.json|"
            + "shrinkage\\.csv|report\\.html|run\\.json|muster\\.log|ladder\\.csv|elbo\\.csv|approximation\\.csv|"
            + "correlation\\.csv)(\\.partial)?");

    private final Path path;
    private final Path lock;

    private OutputFolder(Path path, Path lock) {
        this.path = path;
        this.lock = lock;
    }

    /**
     * Takes a folder for one run: creates it if missing, locks it, and makes sure it holds nothing but what
     * this run will write.
     *
     * @param option the command-line option that named it, for messages ({@code --output})
     * @param overwrite whether the files of an earlier Muster run there may be removed
     * @throws IllegalArgumentException naming the folder and why it cannot be used: it is a file, cannot be
     *     created or written (permission, read-only file system), is in use by another run, or holds files
     */
    public static OutputFolder claim(Path directory, String option, boolean overwrite) {
        String named = option + " " + directory;
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new IllegalArgumentException(named + ": is a file, not a folder; give a new or empty folder");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalArgumentException(named + ": cannot create the folder: " + reason(e));
        }
        Path lock = directory.resolve(LOCK_FILE);
        try {
            takeLock(lock);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(named + ": the folder is in use by another Muster run ("
                    + lockHolder(lock) + "); wait for it to end or choose another folder");
        } catch (IOException e) {
            throw new IllegalArgumentException(named + ": cannot write into the folder: " + reason(e));
        }
        OutputFolder folder = new OutputFolder(directory, lock);
        try {
            folder.clear(named, overwrite);
        } catch (RuntimeException e) {
            folder.close();
            throw e;
        }
        return folder;
    }

    /**
     * Creates the lock file, or takes over one left by a process that is no longer alive (a killed run).
     *
     * @throws FileAlreadyExistsException if a live process holds it
     */
    private static void takeLock(Path lock) throws IOException {
        byte[] pid = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(lock, pid, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            Optional<Long> holder = holderPid(lock);
            if (holder.isPresent() && ProcessHandle.of(holder.get()).map(ProcessHandle::isAlive).orElse(false)) {
                throw e;
            }
            // a killed run's lock: its process is gone
            Files.deleteIfExists(lock);
            Files.write(lock, pid, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    private static Optional<Long> holderPid(Path lock) {
        try {
            return Optional.of(Long.parseLong(Files.readString(lock, StandardCharsets.UTF_8).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String lockHolder(Path lock) {
        return holderPid(lock).map(pid -> "process " + pid + " holds " + LOCK_FILE).orElse(LOCK_FILE + " is there");
    }

    /** Refuses a folder with files in it, or removes an earlier run's files when allowed. */
    private void clear(String named, boolean overwrite) {
        List<Path> present = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().equals(LOCK_FILE)) {
                    present.add(entry);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(named + ": cannot list the folder: " + reason(e));
        }
        if (present.isEmpty()) {
            return;
        }
        Set<String> earlier = earlierRunsFiles();
        TreeSet<String> foreign = new TreeSet<>();
        List<Path> earlierFiles = new ArrayList<>();
        for (Path entry : present) {
            for (Path file : filesUnder(entry, named)) {
                String name = path.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (earlier.contains(name)) {
                    earlierFiles.add(file);
                } else {
                    foreign.add(name);
                }
            }
        }
        if (!foreign.isEmpty()) {
            throw new IllegalArgumentException(named + ": the folder holds files Muster did not write ("
                    + abbreviate(foreign) + "); give a new or empty folder");
        }
        if (!overwrite) {
            throw new IllegalArgumentException(named + ": the folder holds an earlier Muster run's files; give"
                    + " --overwrite to replace them, or a new folder");
        }
        for (Path file : earlierFiles) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new IllegalArgumentException(named + ": cannot remove the earlier run's "
                        + path.relativize(file) + ": " + reason(e));
            }
        }
        // the earlier run's folders (a ladder's rungs), now empty
        for (Path entry : present) {
            if (Files.isDirectory(entry)) {
                try {
                    Files.walk(entry).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    throw new IllegalArgumentException(named + ": cannot remove the earlier run's " + entry.getFileName()
                            + ": " + reason(e));
                }
            }
        }
    }

    /** The regular files of an entry: itself, or every file below it for a folder (which counts as empty otherwise). */
    private static List<Path> filesUnder(Path entry, String named) {
        if (!Files.isDirectory(entry)) {
            return List.of(entry);
        }
        try (java.util.stream.Stream<Path> files = Files.walk(entry)) {
            List<Path> all = files.filter(p -> !Files.isDirectory(p)).toList();
            return all.isEmpty() ? List.of(entry) : all;
        } catch (IOException e) {
            throw new IllegalArgumentException(named + ": cannot list " + entry.getFileName() + ": " + reason(e));
        }
    }

    /**
     * The names of the files an earlier run wrote here: those its run.json lists, with run.json itself and
     * its log; for a run that ended without listing them (killed), any file bearing one of Muster's names.
     * Empty when there is no run.json: then nothing here is Muster's.
     */
    private Set<String> earlierRunsFiles() {
        Path record = path.resolve(RUN_RECORD);
        Set<String> names = new HashSet<>();
        if (!Files.isRegularFile(record)) {
            return names;
        }
        names.add(RUN_RECORD);
        names.add("muster.log");
        JsonNode files = null;
        try {
            files = new ObjectMapper().readTree(record.toFile()).get("files");
        } catch (IOException | RuntimeException e) {
            // unreadable: treat as a killed run's record
        }
        if (files != null && files.isArray()) {
            for (JsonNode file : files) {
                names.add(file.asText());
            }
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
            for (Path entry : entries) {
                if (MUSTER_NAMES.matcher(entry.getFileName().toString()).matches()) {
                    names.add(entry.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The folder. */
    public Path path() {
        return path;
    }

    /** Releases the folder: removes the lock. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(lock);
        } catch (IOException e) {
            // the next run takes over a lock whose process is gone
        }
    }

    private static String abbreviate(TreeSet<String> names) {
        List<String> shown = new ArrayList<>();
        for (String name : names) {
            if (shown.size() == 3) {
                shown.add("and " + (names.size() - 3) + " more");
                break;
            }
            shown.add(name.length() > 60 ? name.substring(0, 57) + "..." : name);
        }
        return String.join(", ", shown);
    }

    /** Why a file operation failed, in words. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is a file, not a folder";
        }
        if (e instanceof NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
