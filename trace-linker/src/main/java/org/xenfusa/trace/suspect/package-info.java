/** Suspect links: links whose function or requirement changed between two snapshots. */
package org.xenfusa.trace.suspect;
