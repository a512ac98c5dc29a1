package io.caesarrest.api.uws;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import io.caesarrest.api.ApiClient;
import io.caesarrest.api.TestFits;
import io.caesarrest.api.security.TokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The UWS job lists of the started service with authentication on: a conformance run by
 * pyvo (Debian's {@code python3-pyvo}) that parses every job and job list document, and
 * the documents checked against the UWS 1.1 schema.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UwsIntegrationTests {

	private static final String PYTHON = "/usr/bin/python3";

	static final TokenIssuer issuer = new TokenIssuer();

	@TempDir
	static Path home;

	@LocalServerPort
	int port;

	String alice;

	String file;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		issuer.register(registry, home);
		registry.add("caesar.accounter.initial-delay", () -> "1h");
	}

	@AfterAll
	static void stopIssuer() {
		issuer.close();
	}

	@BeforeEach
	void upload() throws IOException {
		this.alice = issuer.token("alice@example.org");
		this.file = new ApiClient(this.port).withToken(this.alice)
			.uploadOk(TestFits.write(home.resolve("uws.fits"), 100, 1), "uws.fits");
	}

	@Test
	void pyvoParsesEveryDocumentOfAConformanceRun() throws Exception {
		assumeThat(python("-c", "import pyvo, requests").waitFor()).as("python3-pyvo installed").isZero();
		Path script = Path.of(getClass().getResource("/uws/uws_conformance.py").toURI());
		Path output = home.resolve("pyvo.out");
		Process run = new ProcessBuilder(PYTHON, script.toString(), "http://127.0.0.1:" + this.port, "testapp",
				this.file, this.alice, issuer.token("bob@example.org"))
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		assertThat(run.waitFor(4, TimeUnit.MINUTES)).as("the run ends").isTrue();
		String printed = Files.readString(output);
		assertThat(run.exitValue()).as(printed).isZero();
		assertThat(printed).contains("created", "WAIT returned COMPLETED", "results downloaded",
				"filters PHASE, AFTER, LAST", "phase ABORTED", "another user: 404", "then 404", "UWS conformance: OK");
	}

	@Test
	void documentsAreValidAgainstTheUws11Schema() throws Exception {
		Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
			.newSchema(getClass().getResource("/uws/uws-1.1.xsd"));
		String list = "http://127.0.0.1:" + this.port + "/caesar/uws/v1.1/testapp";
		String pending = post(list, "data=" + this.file + "&runId=xsd&sleep=0.1");
		validate(schema, get(pending));
		String ok = post(list, "data=" + this.file + "&PHASE=RUN");
		String failed = post(list, "data=" + this.file + "&exit-code=3&PHASE=RUN");
		for (String job : new String[] { ok, failed }) {
			await().atMost(Duration.ofSeconds(60))
				.until(() -> get(job + "/phase"), (phase) -> phase.equals("COMPLETED") || phase.equals("ERROR"));
		}
		String completed = get(ok);
		assertThat(completed).contains("<uws:phase>COMPLETED</uws:phase>", "mime-type=\"application/json\"");
		String error = get(failed);
		assertThat(error).contains("<uws:phase>ERROR</uws:phase>", "<uws:errorSummary");
		for (String document : new String[] { completed, error, get(list), get(list + "?PHASE=ERROR"),
				get(ok + "/results"), get(ok + "/parameters") }) {
			validate(schema, document);
		}
		assertThat(get(failed + "/error")).contains("exit code 3");
		// the check can fail: an unknown phase and a missing element are refused
		assertThatThrownBy(() -> validate(schema, completed.replace(">COMPLETED<", ">DONE<")))
			.isInstanceOf(AssertionError.class);
		assertThatThrownBy(() -> validate(schema, completed.replaceAll("<uws:ownerId>[^<]*</uws:ownerId>", "")))
			.isInstanceOf(AssertionError.class);
	}

	private static void validate(Schema schema, String document) throws IOException {
		try {
			schema.newValidator().validate(new StreamSource(new StringReader(document)));
		}
		catch (SAXException ex) {
			throw new AssertionError(ex.getMessage() + " in " + document, ex);
		}
	}

	private String get(String url) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + this.alice).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	private String post(String url, String form) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + this.alice)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
		return response.headers().firstValue("Location").orElseThrow();
	}

	private static Process python(String... args) throws IOException {
		String[] command = new String[args.length + 1];
		command[0] = PYTHON;
		System.arraycopy(args, 0, command, 1, args.length);
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
	}

}
