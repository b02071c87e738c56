/** Export pages and jobs: the evidence of a ref rendered as XLSX, DOCX, ReqIF or an evidence package. */
package org.xenfusa.web.exports;
