/** Recorded exports and their files with SHA-256. */
package org.xenfusa.model.exports;
