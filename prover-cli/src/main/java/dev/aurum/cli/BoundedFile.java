package dev.aurum.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a whole input file of at most a given size; the size is checked first, so an oversized file is never loaded. */
final class BoundedFile {

    /** The file cannot be read or is over the limit; the message names the file and the reason. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private BoundedFile() {
    }

    static byte[] read(Path file, long limit) throws Unreadable {
        try {
            long size = Files.size(file);
            if (size > limit) {
                throw new Unreadable(file + " has " + size + " bytes, more than the limit of " + limit);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Unreadable("cannot read " + file + ": " + e.getMessage());
        }
    }
}
