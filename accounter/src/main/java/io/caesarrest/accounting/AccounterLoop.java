package io.caesarrest.accounting;

import java.util.List;

import io.caesarrest.job.PeriodicTasks;

/**
 * Runs the accounter's passes on a thread of its own while the application runs.
 */
class AccounterLoop extends PeriodicTasks {

	AccounterLoop(Accounter accounter, AccounterProperties properties) {
		super("accounter", () -> true,
				List.of(new Task(accounter::runOnce, properties.initialDelay(), properties.period())));
	}

}
