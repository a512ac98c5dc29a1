package io.caesarrest.api.accounting;

import java.util.Map;

import io.caesarrest.accounting.Accounter;
import io.caesarrest.accounting.AccountingRepository;
import io.caesarrest.api.caller.Callers;
import io.caesarrest.api.error.ApiException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.caesarrest.api.CaesarRestApplication.API;

/**
 * Serves the accounter's figures: the caller's own, computed on the spot before the
 * accounter's first pass, and the service-wide ones.
 */
@RestController
@RequestMapping(API)
class AccountingController {

	private final AccountingRepository accounting;

	private final Accounter accounter;

	private final Callers callers;

	AccountingController(AccountingRepository accounting, Accounter accounter, Callers callers) {
		this.accounting = accounting;
		this.accounter = accounter;
		this.callers = callers;
	}

	@GetMapping("/accounting")
	Map<String, Object> accounting() {
		String user = this.callers.current();
		return AccountingViews.user(this.accounting.findUser(user).orElseGet(() -> this.accounter.account(user)));
	}

	@GetMapping("/appstats")
	Map<String, Object> appstats() {
		return this.accounting.findAppStats()
			.map(AccountingViews::service)
			.orElseThrow(() -> ApiException.notFound("No service statistics yet: the accounter has not run"));
	}

}
