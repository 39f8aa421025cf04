/* Callgrind client requests, called through ctypes to mark the measured windows. Outside
   valgrind each is a handful of instructions that do nothing. */
#include <valgrind/callgrind.h>

void fg_start(void) { CALLGRIND_START_INSTRUMENTATION; }

void fg_zero(void) { CALLGRIND_ZERO_STATS; }

void fg_dump(const char *label) { CALLGRIND_DUMP_STATS_AT(label); }
