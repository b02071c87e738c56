/** The home page, snapshots and job progress. */
package org.xenfusa.web.dashboard;
