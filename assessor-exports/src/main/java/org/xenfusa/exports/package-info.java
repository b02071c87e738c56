/** Assessor documents and what they share: document properties, reproducible ZIPs, the tool's name and version. */
package org.xenfusa.exports;
