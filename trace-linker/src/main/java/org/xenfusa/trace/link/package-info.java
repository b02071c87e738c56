/** Link files (YAML) from requirements to functions and tests, read and written, with their review state. */
package org.xenfusa.trace.link;
