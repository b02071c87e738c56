/** Saved Kconfig configurations with their history. */
package org.xenfusa.model.config;
