package org.muster.app.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void eachRunGetsANewFolderNamedByFamilyAndTimeWithASuffixWhenTaken() throws IOException {
        Path parent = dir.resolve("muster-out");
        LocalDateTime now = LocalDateTime.of(2026, 11, 21, 9, 5, 7);
        Path first = OutputDirectory.createNew(parent, "rats", now);
        Path second = OutputDirectory.createNew(parent, "rats", now);
        Path third = OutputDirectory.createNew(parent, "rats", now);
        assertEquals(parent.resolve("rats-20261121-090507"), first);
        assertEquals(parent.resolve("rats-20261121-090507-2"), second);
        assertEquals(parent.resolve("rats-20261121-090507-3"), third);
        assertTrue(Files.isDirectory(third));
        assertEquals(parent.resolve("rats-20261121-090508"), OutputDirectory.createNew(parent, "rats", now.plusSeconds(1)));
    }
}
