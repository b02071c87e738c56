/** The certification effort model: hours per SLOC per DO-178C DAL, ISO 26262 ASILs mapped onto DALs. */
package org.xenfusa.sloc.effort;
