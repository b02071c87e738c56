/** Registered repositories and their snapshots (one per ingested commit). */
package org.xenfusa.model.source;
