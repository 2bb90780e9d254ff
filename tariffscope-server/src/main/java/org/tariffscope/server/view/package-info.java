/**
 * What the web app's templates show: plain immutable records, every text already formatted, so the
 * templates ({@code src/main/jte}) only lay out and escape. Public because the compiled templates
 * live in their own package.
 */
package org.tariffscope.server.view;
