package io.caesarrest.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * An H2-backed store that commits its MVStore after every command that changed it, in the
 * thread that handled the command, before the reply: an acknowledged write survives a
 * kill -9 of the process. The store is opened without H2's background auto-commit (see
 * {@link EmbeddedStore}), whose serialization and save threads made every commit a
 * hand-off between three threads; with a job using every core, each hand-off waited for a
 * core, which made a job submission (four commits) take about 40 ms.
 */
class DurableH2Backend extends H2Backend {

	private final MVStore store;

	DurableH2Backend(MVStore store) {
		super(store);
		this.store = store;
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		Document result = super.handleCommand(channel, databaseName, command, query);
		if (this.store.hasUnsavedChanges()) {
			commit();
		}
		return result;
	}

}
