/** Small pieces the runtime's system-call bindings share (errno wording). */
package io.jcompose.runtime.sys;
