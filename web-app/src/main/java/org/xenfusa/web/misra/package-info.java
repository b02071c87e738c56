/**
 * MISRA C evidence pages: a snapshot's MISRA report in one configuration (misra-evidence's {@code MisraReport},
 * rendered as it is) and the upload of analyser findings, stored per snapshot and configuration.
 */
package org.xenfusa.web.misra;
