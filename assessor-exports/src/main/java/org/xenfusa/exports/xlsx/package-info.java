/** The XLSX traceability-and-SLOC workbook and the readiness workbook. */
package org.xenfusa.exports.xlsx;
