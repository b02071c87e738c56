/** Release-readiness pages: gates, a release's verdict, the history across releases. */
package org.xenfusa.web.readiness;
