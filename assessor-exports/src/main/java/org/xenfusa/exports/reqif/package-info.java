/** ReqIF export and import of requirements. */
package org.xenfusa.exports.reqif;
