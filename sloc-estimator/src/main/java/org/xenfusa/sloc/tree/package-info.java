/** Source trees read from git objects through JGit (no checkout) or from a plain folder. */
package org.xenfusa.sloc.tree;
