/**
 * Analysis results stored in the database: computed once per snapshot, tracked configuration, kind and analysis engine
 * version by background jobs on the shared scheduler, with the services the pages use, and read by the dashboard.
 */
package org.xenfusa.web.analysis;
