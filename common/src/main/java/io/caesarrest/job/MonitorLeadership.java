package io.caesarrest.job;

/**
 * Tells whether this process is the deployment's active job monitor. Only the active
 * monitor runs the local queue's worker, dispatches jobs and reconciles them; standbys
 * wait until the active one's lease runs out.
 */
@FunctionalInterface
public interface MonitorLeadership {

	/** The leadership of a process that is the only monitor by construction. */
	MonitorLeadership ALWAYS = () -> true;

	/**
	 * Return whether this process is the active monitor now.
	 * @return {@code true} if it may act on jobs
	 */
	boolean isLeader();

}
