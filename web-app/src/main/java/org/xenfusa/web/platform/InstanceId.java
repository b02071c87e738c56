package org.xenfusa.web.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The name of this instance of the platform, recorded with every job it runs and as db-scheduler's {@code picked_by}:
 * {@code fusa.instance-id} when set, otherwise the host name and the server port ({@code build-7:8080}); on a random
 * port (0, as in tests) the process id stands in for the port ({@code build-7:pid4242}).
 */
public record InstanceId(String name) {
    /** db-scheduler's {@code picked_by} column and the jobs' {@code instance_id} take at most this many characters. */
    public static final int MAX_LENGTH = 200;

    public InstanceId {
        if (name == null || name.isBlank() || name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("fusa.instance-id must be 1 to " + MAX_LENGTH + " characters, not '"
                    + name + "'");
        }
        name = name.strip();
    }

    /** The configured name, or the host name and port. */
    public static InstanceId of(String configured, int port) {
        if (configured != null && !configured.isBlank()) {
            return new InstanceId(configured);
        }
        return new InstanceId(hostName() + ":" + (port > 0 ? String.valueOf(port) : "pid" + ProcessHandle.current().pid()));
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
