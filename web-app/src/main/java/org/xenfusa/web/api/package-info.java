/** The REST API under /api (HTTP Basic, no session, JSON errors). */
package org.xenfusa.web.api;
