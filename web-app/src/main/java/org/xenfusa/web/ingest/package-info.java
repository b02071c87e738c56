/** Repository registration and ingest jobs on the shared scheduler. */
package org.xenfusa.web.ingest;
