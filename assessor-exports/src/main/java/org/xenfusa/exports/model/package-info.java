/** The documents' input model (ReleaseEvidence and its records), read and written as JSON. */
package org.xenfusa.exports.model;
