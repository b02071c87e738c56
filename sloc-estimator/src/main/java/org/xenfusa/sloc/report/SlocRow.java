package org.xenfusa.sloc.report;

import org.xenfusa.sloc.count.CountedFile;

/** Files and blank, comment and code lines of one directory. */
public record SlocRow(String name, int files, long blank, long comment, long code) {

    SlocRow plus(CountedFile f) {
        return new SlocRow(name, files + 1, blank + f.count().blank(), comment + f.count().comment(),
                code + f.count().code());
    }

    static SlocRow empty(String name) {
        return new SlocRow(name, 0, 0, 0, 0);
    }
}
