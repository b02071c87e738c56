/** The hashed evidence package (ZIP with a SHA-256 manifest) and its verifier. */
package org.xenfusa.exports.evidence;
