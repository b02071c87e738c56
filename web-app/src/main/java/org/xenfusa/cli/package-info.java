/** The fusa command line: one small class per command, using only the libraries (exit 0 ok, 1 check failed, 2 bad input). */
package org.xenfusa.cli;
