/**
 * The platform's own requirements ({@code docs/spec/}) traced by the platform against the tags in its own code and
 * tests: the one computation behind the build's self-trace test and the qualification kit's self-trace case.
 */
package org.xenfusa.trace.self;
