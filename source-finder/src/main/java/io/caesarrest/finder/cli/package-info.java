/**
 * Command line entry point with the find and simulate subcommands.
 */
package io.caesarrest.finder.cli;
