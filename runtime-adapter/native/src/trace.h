/* Start-latency marks: with JCOMPOSE_SHIM_TRACE=FILE set, each mark appends one line
 * "SECONDS.NANOS PID what" (CLOCK_MONOTONIC, the clock of Java's System.nanoTime) to FILE. */
#ifndef SHIM_TRACE_H
#define SHIM_TRACE_H

/* Appends a mark when tracing is on; costs one getenv on the first call otherwise. */
void trace_mark(const char *what);

#endif
