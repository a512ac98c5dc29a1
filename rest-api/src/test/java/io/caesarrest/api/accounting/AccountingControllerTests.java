package io.caesarrest.api.accounting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.caesarrest.accounting.Accounter;
import io.caesarrest.accounting.AccountingRepository;
import io.caesarrest.accounting.AppJobs;
import io.caesarrest.accounting.AppStats;
import io.caesarrest.accounting.AppUsage;
import io.caesarrest.accounting.UserAccounting;
import io.caesarrest.api.caller.Callers;
import io.caesarrest.api.quota.Quotas;
import io.caesarrest.api.security.AuthProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The accounting endpoints' JSON shapes and their answers before the accounter's first
 * pass.
 */
@WebMvcTest(AccountingController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(Callers.class)
@EnableConfigurationProperties(AuthProperties.class)
class AccountingControllerTests {

	static final Instant TIME = Instant.parse("2026-11-23T12:00:00Z");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	AccountingRepository repository;

	@MockitoBean
	Accounter accounter;

	@MockitoBean
	Quotas quotas;

	@Test
	void servesTheCallersStoredFiguresWithTheOriginalFieldNames() {
		given(this.repository.findUser("anonymous")).willReturn(Optional.of(figures(3)));
		assertThat(this.mvc.get().uri("/caesar/api/v1.0/accounting")).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.njobs").isEqualTo(3);
			json.assertThat().extractingPath("$.njobs_completed").isEqualTo(1);
			json.assertThat().extractingPath("$.jobsize").isEqualTo(1.5);
			json.assertThat().extractingPath("$.by_app.testapp").isEqualTo(3);
			json.assertThat().extractingPath("$.by_state.TIMED-OUT").isEqualTo(2);
			json.assertThat().extractingPath("$.timestamp").isEqualTo("2026-11-23T12:00:00Z");
		});
		verify(this.accounter, never()).account("anonymous");
	}

	@Test
	void computesTheCallersFiguresBeforeTheFirstPass() {
		given(this.repository.findUser("anonymous")).willReturn(Optional.empty());
		given(this.accounter.account("anonymous")).willReturn(figures(0));
		assertThat(this.mvc.get().uri("/caesar/api/v1.0/accounting")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.njobs")
			.isEqualTo(0);
	}

	@Test
	void servesServiceStatisticsWithAppsByName() {
		AppStats stats = new AppStats(AppStats.ID, TIME, 2, 2.0, 1.5, 3.5, 3, 4500, 7, 2, 1, 0, 1, 1, 0, 125.0, 40.0,
				20.0, Map.of("SUCCESS", 2L), List.of(new AppUsage("caesar", 5, Map.of("SUCCESS", 1L), 110.0, 2)));
		given(this.repository.findAppStats()).willReturn(Optional.of(stats));
		assertThat(this.mvc.get().uri("/caesar/api/v1.0/appstats")).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.nusers").isEqualTo(2);
			json.assertThat().extractingPath("$.totsize").isEqualTo(3.5);
			json.assertThat().extractingPath("$.avg_completed_job_runtime").isEqualTo(20.0);
			json.assertThat().extractingPath("$.apps.caesar.nusers").isEqualTo(2);
			json.assertThat().extractingPath("$.apps.caesar.by_state.SUCCESS").isEqualTo(1);
		});
	}

	@Test
	void answersZerosForStatisticsBeforeTheFirstPass() {
		given(this.repository.findAppStats()).willReturn(Optional.empty());
		assertThat(this.mvc.get().uri("/caesar/api/v1.0/appstats")).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.nusers").isEqualTo(0);
			json.assertThat().extractingPath("$.njobs").isEqualTo(0);
			json.assertThat().extractingPath("$.apps").isEqualTo(Map.of());
		});
	}

	@Test
	void addsTheCallersQuotasToTheirFigures() {
		given(this.repository.findUser("anonymous")).willReturn(Optional.of(figures(1)));
		given(this.quotas.usage("anonymous")).willReturn(Map.of("max_running_jobs", 4, "running_jobs", 1));
		assertThat(this.mvc.get().uri("/caesar/api/v1.0/accounting")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.quota.max_running_jobs")
			.isEqualTo(4);
	}

	private static UserAccounting figures(long njobs) {
		return new UserAccounting("anonymous", 2.0, 1.5, njobs, Math.min(njobs, 1), 0, 0, 0, 0, 0, 12.5, 10.0, TIME, 1,
				2048, (njobs > 0) ? List.of(new AppJobs("testapp", njobs)) : List.of(),
				(njobs > 0) ? Map.of("SUCCESS", 1L, "TIMED-OUT", njobs - 1) : Map.of());
	}

}
