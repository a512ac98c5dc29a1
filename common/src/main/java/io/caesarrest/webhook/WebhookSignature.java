package io.caesarrest.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook body: {@code sha256=} and the hex HMAC-SHA256 of the body
 * keyed by the shared secret, sent as {@value #HEADER}.
 */
public final class WebhookSignature {

	/** The header that carries the signature. */
	public static final String HEADER = "X-Caesar-Signature";

	private WebhookSignature() {
	}

	/**
	 * Signs a body.
	 * @param secret the shared secret
	 * @param body the exact bytes sent
	 * @return {@code sha256=<hex>}
	 */
	public static String sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
