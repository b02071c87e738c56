/** Envers revisions with the user who made them, and the audited edited-text entities (board table, gate file). */
package org.xenfusa.model.audit;
