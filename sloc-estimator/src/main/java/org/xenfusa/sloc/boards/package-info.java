/** The board table (ARM boards the SIG tracks, with the ports each needs) and a board's minimal Kconfig configuration. */
package org.xenfusa.sloc.boards;
