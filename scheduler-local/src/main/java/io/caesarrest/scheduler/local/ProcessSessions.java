package io.caesarrest.scheduler.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds and signals every process of a session, so that a job's whole process tree stops,
 * including children that left their parent's process group.
 */
final class ProcessSessions {

	private static final Path PROC = Path.of("/proc");

	private ProcessSessions() {
	}

	/** The live processes whose session id is {@code sid}. */
	static List<ProcessHandle> members(long sid) {
		List<ProcessHandle> members = new ArrayList<>();
		if (!Files.isDirectory(PROC)) {
			ProcessHandle.of(sid).ifPresent((leader) -> {
				members.add(leader);
				leader.descendants().forEach(members::add);
			});
			return members;
		}
		try (Stream<Path> entries = Files.list(PROC)) {
			entries.filter((p) -> p.getFileName().toString().chars().allMatch(Character::isDigit))
				.filter((p) -> sessionOf(p) == sid)
				.forEach((p) -> ProcessHandle.of(Long.parseLong(p.getFileName().toString())).ifPresent(members::add));
		}
		catch (IOException ex) {
			// /proc listing failed: fall back to the leader's descendants
			ProcessHandle.of(sid).ifPresent((leader) -> leader.descendants().forEach(members::add));
		}
		return members;
	}

	/**
	 * Sends SIGTERM ({@code force} false) or SIGKILL to every process of the session and
	 * to every descendant of its leader (which catches children that started a session of
	 * their own).
	 */
	static int signal(long sid, boolean force) {
		Set<ProcessHandle> members = new LinkedHashSet<>(members(sid));
		ProcessHandle.of(sid).ifPresent((leader) -> leader.descendants().forEach(members::add));
		for (ProcessHandle member : members) {
			if (force) {
				member.destroyForcibly();
			}
			else {
				member.destroy();
			}
		}
		return members.size();
	}

	private static long sessionOf(Path procDir) {
		try {
			String stat = Files.readString(procDir.resolve("stat"));
			// fields after the command name, which is in parentheses and may hold spaces
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[3]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

}
