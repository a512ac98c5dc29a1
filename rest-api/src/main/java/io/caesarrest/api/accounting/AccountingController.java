package io.caesarrest.api.accounting;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.caesarrest.accounting.Accounter;
import io.caesarrest.accounting.AccountingRepository;
import io.caesarrest.accounting.AppStats;
import io.caesarrest.api.caller.Callers;
import io.caesarrest.api.error.ApiException;
import io.caesarrest.api.quota.Quotas;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static io.caesarrest.api.CaesarRestApplication.API;

/**
 * Serves the accounter's figures: the caller's own with their quotas, computed on the
 * spot before the accounter's first pass; another user's and the service-wide ones to
 * admins.
 */
@RestController
@RequestMapping(API)
class AccountingController {

	private final AccountingRepository accounting;

	private final Accounter accounter;

	private final Callers callers;

	private final Quotas quotas;

	AccountingController(AccountingRepository accounting, Accounter accounter, Callers callers, Quotas quotas) {
		this.accounting = accounting;
		this.accounter = accounter;
		this.callers = callers;
		this.quotas = quotas;
	}

	@GetMapping("/accounting")
	Map<String, Object> accounting(@RequestParam(name = "user", required = false) String user) {
		String caller = this.callers.current();
		String who = (user != null && !user.isBlank()) ? user : caller;
		if (!who.equals(caller) && !this.callers.isAdmin()) {
			// as for any resource of another user: not found, whether it exists or not
			throw ApiException.notFound("No accounting for user " + who + "!");
		}
		Map<String, Object> view = AccountingViews
			.user(this.accounting.findUser(who).orElseGet(() -> this.accounter.account(who)));
		view.put("quota", this.quotas.usage(who));
		return view;
	}

	@GetMapping("/appstats")
	Map<String, Object> appstats() {
		if (!this.callers.isAdmin()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "Not allowed: service-wide statistics need the admin role");
		}
		return AccountingViews.service(this.accounting.findAppStats().orElseGet(AccountingController::empty));
	}

	/** All zeros, before the accounter's first pass. */
	private static AppStats empty() {
		return new AppStats(AppStats.ID, Instant.now().truncatedTo(ChronoUnit.MILLIS), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
				0, 0, 0, 0, 0, Map.of(), List.of());
	}

}
