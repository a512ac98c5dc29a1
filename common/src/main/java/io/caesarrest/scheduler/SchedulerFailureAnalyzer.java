package io.caesarrest.scheduler;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an unknown {@code caesar.scheduler.type} into one clear start-up message instead
 * of a stack trace.
 */
class SchedulerFailureAnalyzer extends AbstractFailureAnalyzer<UnknownSchedulerException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnknownSchedulerException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set caesar.scheduler.type (or CAESAR_SCHEDULER_TYPE) to one of: "
						+ String.join(", ", cause.available()),
				cause);
	}

}
