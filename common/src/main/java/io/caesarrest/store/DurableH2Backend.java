package io.caesarrest.store;

import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * An H2-backed store that commits its MVStore after every write command, so that an
 * acknowledged write survives a kill -9 of the process (H2 alone commits about once a
 * second in the background).
 */
class DurableH2Backend extends H2Backend {

	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
			"createindexes", "drop", "dropdatabase", "dropindexes", "renamecollection");

	DurableH2Backend(MVStore store) {
		super(store);
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		Document result = super.handleCommand(channel, databaseName, command, query);
		if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
			commit();
		}
		return result;
	}

}
