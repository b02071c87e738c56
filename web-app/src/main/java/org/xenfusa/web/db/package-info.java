/** The embedded PostgreSQL the platform starts when no external database is configured. */
package org.xenfusa.web.db;
