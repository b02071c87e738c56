/** Release-readiness gates: the gate file, their evaluation on a release's evidence, the comparison with the previous release. */
package org.xenfusa.exports.readiness;
