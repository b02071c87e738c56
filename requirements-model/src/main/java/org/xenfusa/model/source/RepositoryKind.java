package org.xenfusa.model.source;

/** How a repository was registered: a git folder on this machine, or a URL cloned into the cache. */
public enum RepositoryKind {
    LOCAL, URL
}
