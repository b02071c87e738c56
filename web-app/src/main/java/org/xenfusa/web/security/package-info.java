/** Form login, roles, CSRF, HTTP Basic for the API. */
package org.xenfusa.web.security;
