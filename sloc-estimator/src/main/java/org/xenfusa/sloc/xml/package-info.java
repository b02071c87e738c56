/**
 * Reading XML that users upload (JUnit results, analyser reports): the one safely configured StAX factory every
 * library uses, so that no reader can be written with DTDs or external entities on.
 */
package org.xenfusa.sloc.xml;
