/** The home page: the FuSa SIG's dashboard of a repository's release, read from stored analysis results. */
package org.xenfusa.web.home;
