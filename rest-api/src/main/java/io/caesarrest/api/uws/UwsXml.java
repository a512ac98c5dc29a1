package io.caesarrest.api.uws;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;

/**
 * The UWS 1.1 XML documents (namespace {@value #NS}): job, job list, parameters and
 * results.
 */
final class UwsXml {

	static final String NS = "http://www.ivoa.net/xml/UWS/v1.0";

	private static final String XLINK = "http://www.w3.org/1999/xlink";

	private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	private UwsXml() {
	}

	static String job(UwsJob job) {
		return write((xml) -> {
			start(xml, "job");
			xml.writeAttribute("version", "1.1");
			element(xml, "jobId", job.id());
			if (job.runId() != null && !job.runId().isEmpty()) {
				element(xml, "runId", job.runId());
			}
			element(xml, "ownerId", job.owner());
			element(xml, "phase", job.phase().name());
			nil(xml, "quote");
			element(xml, "creationTime", date(job.creationTime()));
			dateOrNil(xml, "startTime", job.startTime());
			dateOrNil(xml, "endTime", job.endTime());
			element(xml, "executionDuration", Long.toString(job.executionDuration()));
			dateOrNil(xml, "destruction", job.destruction());
			parameters(xml, job.parameters(), false);
			results(xml, job.results(), false);
			if (job.error() != null) {
				xml.writeStartElement("uws", "errorSummary", NS);
				xml.writeAttribute("type", "fatal");
				xml.writeAttribute("hasDetail", "true");
				element(xml, "message", job.error());
				xml.writeEndElement();
			}
			xml.writeEndElement();
		});
	}

	static String jobs(List<UwsJob> jobs, String base) {
		return write((xml) -> {
			start(xml, "jobs");
			xml.writeAttribute("version", "1.1");
			for (UwsJob job : jobs) {
				xml.writeStartElement("uws", "jobref", NS);
				xml.writeAttribute("id", job.id());
				xml.writeAttribute("xlink", XLINK, "type", "simple");
				xml.writeAttribute("xlink", XLINK, "href", base + "/" + job.id());
				element(xml, "phase", job.phase().name());
				if (job.runId() != null && !job.runId().isEmpty()) {
					element(xml, "runId", job.runId());
				}
				element(xml, "ownerId", job.owner());
				element(xml, "creationTime", date(job.creationTime()));
				xml.writeEndElement();
			}
			xml.writeEndElement();
		});
	}

	static String parameters(Map<String, String> parameters) {
		return write((xml) -> {
			declare(xml);
			parameters(xml, parameters, true);
		});
	}

	static String results(List<UwsJob.Result> results) {
		return write((xml) -> {
			declare(xml);
			results(xml, results, true);
		});
	}

	static String date(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MILLIS).toString();
	}

	private static void parameters(XMLStreamWriter xml, Map<String, String> parameters, boolean root)
			throws XMLStreamException {
		xml.writeStartElement("uws", "parameters", NS);
		if (root) {
			xml.writeNamespace("uws", NS);
		}
		for (Map.Entry<String, String> parameter : parameters.entrySet()) {
			xml.writeStartElement("uws", "parameter", NS);
			xml.writeAttribute("id", parameter.getKey());
			xml.writeCharacters(parameter.getValue());
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	private static void results(XMLStreamWriter xml, List<UwsJob.Result> results, boolean root)
			throws XMLStreamException {
		xml.writeStartElement("uws", "results", NS);
		if (root) {
			xml.writeNamespace("uws", NS);
			xml.writeNamespace("xlink", XLINK);
		}
		for (UwsJob.Result result : results) {
			xml.writeStartElement("uws", "result", NS);
			xml.writeAttribute("id", result.id());
			xml.writeAttribute("xlink", XLINK, "type", "simple");
			xml.writeAttribute("xlink", XLINK, "href", result.href());
			if (result.size() >= 0) {
				xml.writeAttribute("size", Long.toString(result.size()));
			}
			xml.writeAttribute("mime-type", result.mimeType());
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	private static void start(XMLStreamWriter xml, String name) throws XMLStreamException {
		xml.writeStartDocument("UTF-8", "1.0");
		xml.setPrefix("uws", NS);
		xml.writeStartElement("uws", name, NS);
		xml.writeNamespace("uws", NS);
		xml.writeNamespace("xlink", XLINK);
		xml.writeNamespace("xsi", XSI);
	}

	private static void declare(XMLStreamWriter xml) throws XMLStreamException {
		xml.writeStartDocument("UTF-8", "1.0");
		xml.setPrefix("uws", NS);
		xml.setPrefix("xlink", XLINK);
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement("uws", name, NS);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static void nil(XMLStreamWriter xml, String name) throws XMLStreamException {
		xml.writeEmptyElement("uws", name, NS);
		xml.writeAttribute("xsi", XSI, "nil", "true");
	}

	private static void dateOrNil(XMLStreamWriter xml, String name, @Nullable Instant instant)
			throws XMLStreamException {
		if (instant == null) {
			nil(xml, name);
		}
		else {
			element(xml, name, date(instant));
		}
	}

	private static String write(Body body) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
			body.write(xml);
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	@FunctionalInterface
	private interface Body {

		void write(XMLStreamWriter xml) throws XMLStreamException;

	}

}
