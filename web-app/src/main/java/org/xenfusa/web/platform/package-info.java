/**
 * What every feature of the web app stands on: the platform's settings ({@code fusa.*}), the one job scheduler that
 * runs ingests, clones and exports on the database, and the one exception for input a user gave that cannot be used.
 */
package org.xenfusa.web.platform;
