package com.tradingbacktest.app.common.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Kills the embedded PostgreSQL of a data folder the way a crash would: every process, SIGKILL. */
final class DatabaseProcesses {

  private DatabaseProcesses() {}

  /** SIGKILLs the folder's postmaster and all its children, and waits until they are gone. */
  static long killEmbeddedServer(Path dataDir) throws IOException {
    List<String> pidFile = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
    long pid = Long.parseLong(pidFile.get(0).trim());
    ProcessHandle postmaster =
        ProcessHandle.of(pid)
            .orElseThrow(() -> new IllegalStateException("no PostgreSQL process " + pid));
    List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
    all.add(0, postmaster);
    all.forEach(ProcessHandle::destroyForcibly);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (all.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    return pid;
  }
}
