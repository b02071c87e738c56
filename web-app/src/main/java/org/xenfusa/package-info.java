/** The platform's entry point: the web app with no command, the fusa command line with one. */
package org.xenfusa;
